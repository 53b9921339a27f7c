// User-facing texts the engine writes into recommendations (zh-CN, the
// product's default language). Kept together so they can be reviewed and
// translated in one place.

const score1 = (x: number) => x.toFixed(1);
const points2 = (x: number) => x.toFixed(2);

export const messages = {
  weakestDimension: (dimension: string, score: number) => `短板维度为「${dimension}」（${score1(score)} 分），建议作为下期改进重点`,
  levers: (items: Array<{ name: string; points: number }>) =>
    `优先改进：${items.map((i) => `${i.name}（提升至最优水平可增 ${points2(i.points)} 分）`).join('、')}`,
  straddles: (lo: number, hi: number) => `权重不确定性分析显示排名区间为第 ${lo}–${hi} 名，跨越等级分界，等级结论宜审慎解读`,
  penalty: (points: number) => `本期因安全或质量事件扣 ${points2(points)} 分，请落实整改，避免再次发生`,
  missing: (names: string[]) => `以下指标本期未报送数据：${names.join('、')}，请按期报送`,
};
