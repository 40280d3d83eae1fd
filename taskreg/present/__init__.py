"""What people read: the output language, the catalogue of messages, prose, terminal tables."""
