/**
 * The stakeholder-mapping domain core (issue 5): pure data and functions over a MapSnapshot, shared by the
 * stakeholder UI extension, the server and the project-plan export. No DOM, no Node.
 *
 * Map templates (./templates/index), CSV import (./csvImport, with papaparse) and the diagnostics
 * (./diagnostics/index) are imported from their own modules: through this index every importer, a phone on the
 * view link too, would download them before drawing a card.
 */
export * from './kinds/index';
export * from './relations';
export * from './commitments';
export * from './months';
export * from './projectPeriod';
export * from './totals';
export * from './capacity';
export * from './coverage';
export * from './links';
export * from './participatingOrganisations';
export * from './commands';
export * from './format';
export * from './partnerCategories';
export * from './partnerRoles';
export * from './knowledgeSources';
export * from './organisationTypes';
export * from './phases';
export * from './stappenplanSteps';
export * from './suggestions';
export * from './contactText';
export { closestMatch, normalizeText } from './textMatch';
