"""The command line: the program, its session, help, completion and the commands."""
