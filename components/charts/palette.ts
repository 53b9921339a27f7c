// Chart colours: distinguishable, and each at least 4.5:1 against white so lines, bars
// and their labels keep AA contrast.
export const DIMENSION_COLORS = ['#1d4ed8', '#047857', '#b45309', '#7c3aed', '#be123c'];
export const SERIES_COLORS = ['#1d4ed8', '#b91c1c', '#047857', '#b45309', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];
export const MEDIAN_COLOR = '#52606d';
export const AXIS_COLOR = '#52606d';
export const GRID_COLOR = '#d9e2ec';

export const colorAt = (palette: string[], index: number) => palette[index % palette.length];
