// Labels in Vietnamese (default, the operators' language) and English.
export const LABELS = {
  vi: {
    title: 'Trung tâm điều hành đô thị thông minh', map: 'Bản đồ tỉnh', openAlerts: 'Cảnh báo đang mở',
    severity: 'Mức độ', alert: 'Cảnh báo', district: 'Huyện', unit: 'Đơn vị', status: 'Trạng thái',
    token: 'Mã truy cập', signIn: 'Đăng nhập', acknowledge: 'Xác nhận', resolve: 'Xử lý xong',
    ACTIVE: 'Đang diễn ra', CLEARED: 'Đã kết thúc', acked: 'đã xác nhận', unacked: 'chưa xác nhận',
    pending: 'đang gửi…', noData: 'Chưa có dữ liệu', target: 'Mục tiêu',
    kpiForest: 'Diện tích rừng được giám sát', kpiDistricts: 'Huyện có dịch vụ thông minh',
    INFO: 'Thông tin', MINOR: 'Nhẹ', MAJOR: 'Nghiêm trọng', CRITICAL: 'Khẩn cấp',
    OK: 'Hoạt động', LATE: 'Chậm', SILENT: 'Mất tín hiệu', UNKNOWN: 'Chưa rõ', ALERTH: 'Có cảnh báo',
    live: 'Trực tiếp', offline: 'Mất kết nối', none: 'Không có cảnh báo',
  },
  en: {
    title: 'Smart City Operations Center', map: 'Province map', openAlerts: 'Open alerts',
    severity: 'Severity', alert: 'Alert', district: 'District', unit: 'Unit', status: 'Status',
    token: 'Access token', signIn: 'Sign in', acknowledge: 'Acknowledge', resolve: 'Resolve',
    ACTIVE: 'Active', CLEARED: 'Cleared', acked: 'acknowledged', unacked: 'unacknowledged',
    pending: 'sending…', noData: 'No data yet', target: 'Target',
    kpiForest: 'Forest area monitored', kpiDistricts: 'Districts with smart services',
    INFO: 'Info', MINOR: 'Minor', MAJOR: 'Major', CRITICAL: 'Critical',
    OK: 'Reporting', LATE: 'Late', SILENT: 'Silent', UNKNOWN: 'Unknown', ALERTH: 'Under alert',
    live: 'Live', offline: 'Offline', none: 'No open alerts',
  },
};

let lang = localStorage.getItem('cityops.lang') || 'vi';

export function t(key) {
  return (LABELS[lang] && LABELS[lang][key]) || key;
}

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next;
  localStorage.setItem('cityops.lang', next);
  document.documentElement.lang = next;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
}
