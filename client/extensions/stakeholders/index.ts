import type { ExtensionModule } from '../../host/api';
import { activate } from './activate';
import { manifest } from './manifest';

/** The stakeholder-mapping workspace as the host loads it. */
export const extension: ExtensionModule = { manifest, activate, editing: () => import('./editing') };
