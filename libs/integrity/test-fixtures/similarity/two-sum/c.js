function twoSum(nums, target) {
  const order = nums.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value || x.index - y.index);
  let lo = 0;
  let hi = order.length - 1;
  let best = null;
  while (lo < hi) {
    const sum = order[lo].value + order[hi].value;
    if (sum === target) {
      const pair = [order[lo].index, order[hi].index].sort((p, q) => p - q);
      if (!best || pair[1] < best[1] || (pair[1] === best[1] && pair[0] < best[0])) best = pair;
      lo++;
    } else if (sum < target) {
      lo++;
    } else {
      hi--;
    }
  }
  return best ?? [];
}
