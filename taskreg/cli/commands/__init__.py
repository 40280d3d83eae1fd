"""The commands, one group per module; each module's install(app) registers its commands.

A command's help (its description and example, each option's and argument's text, the
placeholders in both languages) is in the catalogue, taskreg/messages/help.py, keyed by the
command's path: a declaration names only the option and its placeholder (README "Language
and output").
"""
