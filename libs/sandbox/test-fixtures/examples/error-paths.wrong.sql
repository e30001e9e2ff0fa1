SELECT path, COUNT(*) AS errors FROM requests WHERE status > 500 GROUP BY path ORDER BY errors DESC, path;
