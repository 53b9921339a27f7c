// Request shape of the export route (zod).
import { z } from 'zod';
import { periodCode } from '../periods/http';

export const exportQuery = z.object({ period: periodCode, format: z.enum(['csv', 'xlsx']).default('xlsx') });
