import { z } from 'zod';

/**
 * Every treatment the BCLC module can name. The references module must hold evidence for each id
 * (a test enforces it), so adding an id here means adding its evidence there.
 */
export const TreatmentOptionIdSchema = z.enum([
  'resection',
  'liver-transplant',
  'downstaging-to-transplant',
  'ablation',
  'tace',
  'tare',
  'ebrt-sbrt',
  'atezolizumab-bevacizumab',
  'durvalumab-tremelimumab',
  'nivolumab-ipilimumab',
  'camrelizumab-rivoceranib',
  'sorafenib',
  'lenvatinib',
  'durvalumab',
  'tislelizumab',
  'regorafenib',
  'cabozantinib',
  'ramucirumab',
  'clinical-trial',
  'best-supportive-care',
]);
export type TreatmentOptionId = z.infer<typeof TreatmentOptionIdSchema>;
