import type { Language, MantelkaartApi, MapSnapshot } from '../../../host/api';
import type { PlanData } from '../../../../shared/plan/planData';

/** What every part of the Projectplan view reads. */
export interface PlanPartProps {
  api: MantelkaartApi;
  language: Language;
  readOnly: boolean;
  snapshot: MapSnapshot;
  data: PlanData;
}
