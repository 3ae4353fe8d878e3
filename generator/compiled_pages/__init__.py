"""The page templates compiled to Python (see generator/precompiled.py). Generated: do not edit."""
