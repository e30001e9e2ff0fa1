function helperNotUsed(a) {
  return a * 2;
}

function twoSum(arr, wanted) {
  const debug = false;
  for (let first = 0; first < arr.length - 1; first += 1) {
    if (debug) console.log(first);
    for (let second = first + 1; second < arr.length; second += 1) {
      // check the pair
      if (arr[first] + arr[second] === wanted) return [first, second];
    }
  }
  return [];
}
