/** How many rectangles a photo's public copy may blur (the form's r0..r5 fields). */
export const MAX_BLUR_RECTS = 6;
