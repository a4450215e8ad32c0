"""The app's own widgets: step bar, key bar, guard banner, group list, clock, curtain, date field."""
