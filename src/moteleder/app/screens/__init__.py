"""The app's screens and modals, one module each (the meeting in several, by part)."""
