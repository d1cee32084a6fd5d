import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { readUpload } from '../../../platform/http/files.ts';
import { ReportBody, ReportQuery, ReportResponse, UploadQuery } from './schemas.ts';
import { reportLearningRecords, reportLearningRecordsFile, uploadLearningReport } from './service.ts';

const tags = ['learning 学时'];

/** Providers report completions with a reporting API key: JSON, or a CSV/Excel file as multipart. */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/learning/reports', {
    config: { permission: 'learning.report' },
    // 10,000 JSON rows exceed the application's default body limit.
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      tags,
      description: 'JSON `{ records: [...] }`, or multipart/form-data with one part `file` (CSV or XLSX, Chinese or English headers). Authenticate with `Authorization: Bearer zg_report_…`.',
      querystring: ReportQuery,
      // Only JSON bodies have a schema; a multipart body is a file read and checked row by row.
      body: { content: { 'application/json': { schema: ReportBody } } },
      response: { 200: ReportResponse },
    },
  }, async (req) => {
    const mode = req.query.mode;
    if (req.isMultipart()) return reportLearningRecordsFile(req.ctx, await readUpload(req), mode);
    return reportLearningRecords(req.ctx, (req.body as Static<typeof ReportBody>).records, mode);
  });

  // The same batch uploaded on the web by the provider's own administrator, with a session.
  app.post('/api/learning/reports/upload', {
    config: { permission: 'learning.report.upload' },
    schema: {
      tags,
      description: 'multipart/form-data with one part `file` (CSV or XLSX), sent by a signed-in administrator of a provider organisation.',
      querystring: UploadQuery,
      response: { 200: ReportResponse },
    },
  }, async (req) => uploadLearningReport(req.ctx, await readUpload(req), req.query.mode, req.query.organisationId));
};
