"""Helpers for the notification tests: statement factories and loopback servers."""
