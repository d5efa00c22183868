import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredPhoto } from './ambassadors.service';

/** Sends a stored image with its ETag (304 when unchanged); `shared` images may be shown by other sites. */
export async function sendStoredImage(request: FastifyRequest, reply: FastifyReply, image: StoredPhoto, cacheControl: string, shared: boolean): Promise<void> {
  reply.header('ETag', image.etag).header('Cache-Control', cacheControl).header('Content-Security-Policy', "default-src 'none'; sandbox");
  if (shared) reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
  if (request.headers['if-none-match'] === image.etag) {
    await reply.status(304).send();
    return;
  }
  await reply.header('Content-Type', image.contentType).send(image.content);
}
