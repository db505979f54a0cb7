// Which content-script instance made a mark or the stylesheet. Instances of two versions can share
// a page for a moment during an update; one retiring late must never take back what the newer one made.
export const ATTR_OWNER = 'data-doorman-by';

/** This instance's token (each instance has its own module, in its own JS world). */
export const OWNER = Math.random().toString(36).slice(2, 10);

export const ownedByUs = (el: Element): boolean => {
  const owner = el.getAttribute(ATTR_OWNER);
  return owner === null || owner === OWNER;
};
