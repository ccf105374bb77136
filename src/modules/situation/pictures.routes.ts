import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBoardCounts,
  ZBoardParams,
  ZBoardYearParams,
  ZCityPicture,
  ZCityQuery,
  ZCompilation,
  ZPicture,
  ZPictureListItem,
  ZSavePictureRequest,
  ZYearQuery,
} from './schema.js';
import { throughGate } from '../../http/heavy-work.js';
import { requireCityView } from './access.js';
import * as service from './pictures.service.js';

export const pictureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/situation/city', {
    config: { action: 'situation.city' },
    schema: {
      tags: ['situation'],
      summary: 'City-wide counts per board, type, environment and tertial, with trends; small counts suppressed ("<5", secondary ".."), never any text',
      querystring: ZCityQuery,
      response: { 200: ZCityPicture },
    },
    // Every city-wide reader with the same grants sees the same counts until the next write: the
    // answer is shared through the gate (src/http/heavy-work.ts), after the reader's own rights check.
    handler: (req) => {
      requireCityView(req.actor!);
      const { year, charts, lang } = req.query;
      return throughGate(app, req.actor!, ['situation.city', year, charts, lang], () =>
        service.getCityPicture({ db: app.db, actor: req.actor!, year, charts: charts === '1', lang }),
      );
    },
  });

  app.get('/api/situation/boards/:boardId', {
    config: { action: 'situation.read' },
    schema: { tags: ['situation'], summary: 'Counts of one board (exact inside the board, suppressed outside)', params: ZBoardParams, querystring: ZYearQuery, response: { 200: ZBoardCounts } },
    handler: (req) =>
      service.getBoardCounts({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.query.year, charts: req.query.charts === '1', lang: req.query.lang }),
  });

  app.get('/api/situation/boards/:boardId/pictures', {
    config: { action: 'situation_pictures.list' },
    schema: { tags: ['situation'], summary: 'Annual situation pictures of a board', params: ZBoardParams, response: { 200: z.array(ZPictureListItem) } },
    handler: (req) => service.listPictures({ db: app.db, actor: req.actor!, boardId: req.params.boardId }),
  });

  app.get('/api/situation/boards/:boardId/pictures/:year', {
    config: { action: 'situation_pictures.read' },
    schema: {
      tags: ['situation'],
      summary: 'One annual situation picture with its figures',
      params: ZBoardYearParams,
      querystring: ZYearQuery.omit({ year: true }),
      response: { 200: ZPicture },
    },
    handler: (req) =>
      service.getPicture({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.params.year, charts: req.query.charts === '1', lang: req.query.lang }),
  });

  app.get('/api/situation/boards/:boardId/compilation', {
    config: { action: 'situation_pictures.compile' },
    schema: {
      tags: ['situation'],
      summary: "Everything a year's picture is compiled from: figures, surveys, notes, the saved text and a suggested draft",
      params: ZBoardParams,
      querystring: ZYearQuery.omit({ charts: true }),
      response: { 200: ZCompilation },
    },
    handler: (req) => service.getCompilation({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.query.year, lang: req.query.lang }),
  });

  app.put('/api/situation/boards/:boardId/pictures/:year', {
    config: { action: 'situation_pictures.save' },
    schema: { tags: ['situation'], summary: 'Save the text of an annual picture (personal-data guarded)', params: ZBoardYearParams, body: ZSavePictureRequest, response: { 200: ZPicture } },
    handler: (req) => service.savePicture({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.params.year, ...req.body }),
  });

  app.post('/api/situation/boards/:boardId/pictures/:year/publish', {
    config: { action: 'situation_pictures.publish' },
    schema: { tags: ['situation'], summary: 'Publish an annual picture (the plan links to it)', params: ZBoardYearParams, response: { 200: ZPicture } },
    handler: (req) => service.publishPicture({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.params.year }),
  });
};
