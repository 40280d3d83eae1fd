-- `list --search` finds a document symbol however it was typed (1961/QĐUBND,
-- 1961/QD-UBND, 1961 / QĐ-UBND): add each source's symbol key to the searched text.
-- taskreg_search(title, source) is taskreg.text.search_text, registered on the connection.
UPDATE tasks SET search = taskreg_search(title, source) WHERE source IS NOT NULL;
