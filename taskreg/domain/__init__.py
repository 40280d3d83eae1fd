"""The rules: states, dates, text, agencies, tasks, publications, imports; handed a store, never opening one."""
