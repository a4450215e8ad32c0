"""moteleder — leder et ansvarsgruppemøte steg for steg og skriver referatet."""

__version__ = "0.1.0"
