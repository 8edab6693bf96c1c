"""Application services: the one door for every change a user can make, used alike by the GUI and the CLI."""
