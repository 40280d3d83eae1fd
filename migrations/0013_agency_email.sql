-- Each agency's addresses for `taskreg remind --send` (docs/commands.md "remind"): one text,
-- the addresses separated by `;`, as `agency add|edit --email` checked them; NULL: none.
ALTER TABLE agencies ADD COLUMN email TEXT;
