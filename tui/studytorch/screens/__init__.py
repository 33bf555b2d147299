"""The app's screens: home, lesson, help and a confirmation dialog."""
