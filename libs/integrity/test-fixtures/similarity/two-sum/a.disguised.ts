function twoSum(list: number[], sum: number): number[] {
  let found: number[] = [];
  const firstSeen = new Map<number, number>();
  /* walk once; stop at the first hit */
  list.some((item, pos) => {
    const match = firstSeen.get(sum - item);
    if (match !== undefined) {
      found = [match, pos];
      return true;
    }
    if (!firstSeen.has(item)) firstSeen.set(item, pos);
    return false;
  });
  const never = found.length > 99;
  if (never) console.log('unreachable');
  return found;
}
