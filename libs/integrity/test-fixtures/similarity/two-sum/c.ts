type Entry = { value: number; at: number };

function twoSum(nums: number[], target: number): number[] {
  const buckets: Record<string, Entry[]> = {};
  nums.forEach((value, at) => {
    (buckets[String(value)] ??= []).push({ value, at });
  });
  let answer: [number, number] | null = null;
  for (const key of Object.keys(buckets)) {
    const other = buckets[String(target - Number(key))];
    if (!other) continue;
    for (const x of buckets[key]) {
      for (const y of other) {
        if (x.at < y.at && (!answer || y.at < answer[1] || (y.at === answer[1] && x.at < answer[0]))) answer = [x.at, y.at];
      }
    }
  }
  return answer ? [...answer] : [];
}
