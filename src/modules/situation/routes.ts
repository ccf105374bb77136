import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { concernRoutes } from './concerns.routes.js';
import { noteRoutes } from './notes.routes.js';
import { pictureRoutes } from './pictures.routes.js';
import { surveyRoutes } from './surveys.routes.js';

/** The situation picture: concern reports, surveys, notes, annual and city-wide pictures. */
export const situationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(concernRoutes);
  await app.register(surveyRoutes);
  await app.register(noteRoutes);
  await app.register(pictureRoutes);
};
