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

/** What the clinic calls each option; shared by the BCLC module and the evidence cards. */
export const TREATMENT_OPTION_LABELS: Record<TreatmentOptionId, string> = {
  resection: 'Surgical resection',
  'liver-transplant': 'Liver transplantation',
  'downstaging-to-transplant': 'Downstaging to transplant (TACE)',
  ablation: 'Ablation (radiofrequency or microwave)',
  tace: 'TACE (transarterial chemoembolisation)',
  tare: 'TARE (transarterial radioembolisation)',
  'ebrt-sbrt': 'External-beam radiotherapy (EBRT/SBRT)',
  'atezolizumab-bevacizumab': 'Atezolizumab + bevacizumab',
  'durvalumab-tremelimumab': 'Durvalumab + tremelimumab (STRIDE)',
  'nivolumab-ipilimumab': 'Nivolumab + ipilimumab',
  'camrelizumab-rivoceranib': 'Camrelizumab + rivoceranib',
  sorafenib: 'Sorafenib',
  lenvatinib: 'Lenvatinib',
  durvalumab: 'Durvalumab',
  tislelizumab: 'Tislelizumab',
  regorafenib: 'Regorafenib',
  cabozantinib: 'Cabozantinib',
  ramucirumab: 'Ramucirumab',
  'clinical-trial': 'Clinical trial',
  'best-supportive-care': 'Best supportive care',
};
