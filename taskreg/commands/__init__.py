"""The commands, one group per module; each module's install(app) registers its commands."""
