// Chinese names of the 异议申诉 / 信用修复 workflow, shared by the public status page and the staff side.
import type { ObjectionStatus } from './enums';

export type ObjectionKind = 'objection' | 'repair';

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  submitted: '待审核',
  verifying: '待核实',
  passed: '已通过',
  failed: '未通过',
  completed: '已完成',
};

export const OBJECTION_KIND_LABELS: Record<ObjectionKind, string> = {
  objection: '异议申诉',
  repair: '信用修复',
};
