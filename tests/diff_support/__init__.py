"""Support for the diff engine's tests and its fuzz run: reading a redline back, mutating documents."""
