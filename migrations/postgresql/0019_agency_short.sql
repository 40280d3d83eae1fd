-- Each agency's short name (`agency add|edit --short`, docs/document.md "The chart"): how the
-- report document's chart labels it ("UBND TX Hồng Lĩnh"); NULL: none, the chart shows its name.
ALTER TABLE agencies ADD COLUMN short_name ctext;

-- The database audits it with the rest of the directory (0010, 0013): an agency as its
-- events describe it has its short name, so `agency edit --short` (agency_edit) is an event
-- that must describe a change of its transaction, and a short name given by `agency add` is
-- in its agency_add event (the audit adds the event's own keys to the ones that changed).
CREATE OR REPLACE FUNCTION taskreg_agency_view(a agencies) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('code', a.code, 'name', a.name, 'kind', a.kind, 'retired_on', a.retired_on,
                              'email', a.email, 'short_name', a.short_name)
$$;
