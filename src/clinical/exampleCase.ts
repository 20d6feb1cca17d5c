/**
 * The one example case the product shows (help, the CLI's usage and error messages, the problems message): an
 * invented stage-B patient written as a clinician would type it. Every value is read by the parser and assessed
 * (a test checks it stays so).
 */
export const EXAMPLE_CASE_TEXT =
  'bili 34 umol/L, alb 31 g/L, INR 1.3, Cr 0.9 mg/dL, Na 133, mild ascites, no HE, ECOG 1, 3 lesions largest 4.2 cm, no PVTT, AFP 1200';
