/**
 * The transaction origin of every edit this person makes in this tab. The undo manager tracks only this
 * origin, so Ctrl+Z never undoes someone else's change (remote updates arrive with the provider as origin).
 * Pass it as the `origin` argument of the accessors in shared/model/mapDoc.ts.
 */
export const LOCAL_ORIGIN: { readonly source: 'mantelkaart:local' } = Object.freeze({ source: 'mantelkaart:local' });
