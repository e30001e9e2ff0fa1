function parseQuery(query: string): Record<string, string[]> {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const grouped: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    grouped[key] = params.getAll(key);
  }
  return grouped;
}
