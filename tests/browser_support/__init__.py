"""Support for the end-to-end tests: build a site once, serve it on 127.0.0.1, drive headless Chromium."""
