/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Contrast ratio of white text on the colour (1 to 21). */
export const whiteTextContrast = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** Whether white button text on the colour meets WCAG AA for normal text (4.5:1). */
export const hasWhiteTextContrast = (hex: string) => /^#[0-9a-fA-F]{6}$/.test(hex) && whiteTextContrast(hex) >= 4.5;
