"""Files in and out: CSV and JSON, XLSX, the Word document, files written whole."""
