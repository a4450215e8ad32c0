"""The app's stylesheets (*.tcss), installed as the data package `moteleder.styles`.

They live at the top of the repository, next to src/, as the design card has it; pyproject.toml
maps this folder into the package so the wheel carries them and importlib.resources finds them.
"""
