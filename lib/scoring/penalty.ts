// Step 7: incidents deduct their points, exempt ones (容错免责) nothing, up to the cap.

export function cappedPenalties(incidentPoints: Float64Array, cap: number): Float64Array {
  return incidentPoints.map((points) => Math.min(points, cap));
}
