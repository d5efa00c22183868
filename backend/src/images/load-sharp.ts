import type Sharp from 'sharp';

/**
 * sharp starts libvips when it is first required (about 6 MB of idle memory in the server); only image
 * uploads and resizes need it, so they load it on first use.
 */
export async function loadSharp(): Promise<typeof Sharp> {
  return (await import('sharp')).default;
}
