"""The one thing pyproject.toml cannot say: the package list is every package under src/ plus
`moteleder.styles`, which pyproject.toml's package-dir maps from the top-level styles/ folder.
Everything else about the build is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

setup(packages=[*find_namespace_packages("src"), "moteleder.styles"])
