import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code as an image; drawn at 640px so it stays crisp when a projector scales it up. */
export function QrCode({ text, alt, size = 280 }: { text: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(text, { width: 640, margin: 2, errorCorrectionLevel: 'M', color: { dark: '#0f172a', light: '#ffffff' } }).then(
      (url) => {
        if (!cancelled) setSrc(url);
      },
      () => {
        if (!cancelled) setSrc(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [text]);
  if (!src) return <div className="qr-placeholder" style={{ width: size, height: size }} />;
  return <img className="qr" src={src} alt={alt} width={size} height={size} data-testid="share-qr" />;
}
