-- Each agency's short name (`agency add|edit --short`, docs/document.md "The chart"): how the
-- report document's chart labels it ("UBND TX Hồng Lĩnh"); NULL: none, the chart shows its name.
ALTER TABLE agencies ADD COLUMN short_name TEXT;
