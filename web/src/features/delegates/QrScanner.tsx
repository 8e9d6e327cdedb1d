import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

type Detector = { detect: (source: CanvasImageSource) => Promise<{ rawValue: string }[]> };
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

/** Reads a QR code from pixels: the browser's BarcodeDetector where it exists, else jsQR (loaded on first use). */
async function decodeCanvas(canvas: HTMLCanvasElement): Promise<string | null> {
  const Ctor = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
  if (Ctor) {
    try {
      const found = await new Ctor({ formats: ['qr_code'] }).detect(canvas);
      if (found[0]) return found[0].rawValue;
    } catch {
      // Some builds expose the class without a working backend: fall through to jsQR.
    }
  }
  const { default: jsQR } = await import('jsqr');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(img.data, img.width, img.height)?.data ?? null;
}

async function decodeFile(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  return decodeCanvas(canvas);
}

/** The phone's camera (or a photo of the badge) → the code on the badge. */
export function QrScanner({ onCode }: { onCode: (code: string, method: 'scan') => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const last = useRef<{ code: string; at: number } | null>(null);

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const tick = async () => {
      if (stopped) return;
      const v = video.current;
      if (v && v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        canvas.getContext('2d', { willReadFrequently: true })!.drawImage(v, 0, 0);
        const code = await decodeCanvas(canvas);
        // The same badge held in front of the camera is sent once every few seconds, not every frame.
        if (code && !(last.current && last.current.code === code && Date.now() - last.current.at < 4000)) {
          last.current = { code, at: Date.now() };
          onCode(code, 'scan');
        }
      }
      setTimeout(() => void tick(), 250);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(t('delegates.checkIn.cameraDenied'));
      setOn(false);
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        void tick();
      })
      .catch(() => {
        setProblem(t('delegates.checkIn.cameraDenied'));
        setOn(false);
      });
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [on, onCode, t]);

  return (
    <Space direction="vertical" className="full-width">
      <Space wrap>
        <Button icon={<CameraOutlined aria-hidden />} onClick={() => (setProblem(null), setOn(!on))}>
          {on ? t('delegates.checkIn.stopScan') : t('delegates.checkIn.scan')}
        </Button>
        <Upload
          accept="image/*"
          showUploadList={false}
          beforeUpload={(file) => {
            void decodeFile(file).then((code) => (code ? onCode(code, 'scan') : setProblem(t('delegates.checkIn.noQr'))));
            return false;
          }}
        >
          <Button icon={<PictureOutlined aria-hidden />}>{t('delegates.checkIn.photo')}</Button>
        </Upload>
      </Space>
      {problem && <Alert type="warning" showIcon message={problem} />}
      {on && (
        <>
          <video ref={video} muted playsInline aria-label={t('delegates.checkIn.scanning')} />
          <Typography.Text type="secondary">{t('delegates.checkIn.scanning')}</Typography.Text>
        </>
      )}
    </Space>
  );
}
