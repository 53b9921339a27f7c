// Published AHP examples used by the engine's and the CLI's tests.

// Saaty, T. L. (1990). How to make a decision: The Analytic Hierarchy Process.
// European Journal of Operational Research 48, 9–26: eight criteria for buying a
// house. Published: priorities .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669,
// C.I. = 0.238, C.R. = 0.169.
export const SAATY_HOUSE: Array<Array<number | string>> = [
  [1, 5, 3, 7, 6, 6, '1/3', '1/4'],
  ['1/5', 1, '1/3', 5, 3, 3, '1/5', '1/7'],
  ['1/3', 3, 1, 6, 3, 4, 6, '1/5'],
  ['1/7', '1/5', '1/6', 1, '1/3', '1/4', '1/7', '1/8'],
  ['1/6', '1/3', '1/3', 3, 1, '1/2', '1/5', '1/6'],
  ['1/6', '1/3', '1/4', 4, 2, 1, '1/5', '1/6'],
  [3, 5, '1/6', 7, 5, 5, 1, '1/2'],
  [4, 7, 5, 8, 6, 6, 2, 1],
];
