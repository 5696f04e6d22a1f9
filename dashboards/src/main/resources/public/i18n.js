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
    aqiPanel: 'Chất lượng không khí (VN_AQI, 1 giờ)', trafficPanel: 'Giao thông theo đoạn đường',
    outagesPanel: 'Sự cố mất điện', historyPanel: 'Lịch sử gần đây',
    GOOD: 'Tốt', MODERATE: 'Trung bình', POOR: 'Kém', BAD: 'Xấu', VERY_BAD: 'Rất xấu', HAZARDOUS: 'Nguy hại',
    lvlFREE: 'Thông thoáng', lvlSLOW: 'Chậm', lvlCONGESTED: 'Ùn tắc', lvlJAMMED: 'Tắc nghẽn', lvlUNKNOWN: 'Chưa có số liệu',
    segment: 'Đoạn đường', level: 'Tình trạng', speedRatio: 'Tỉ lệ tốc độ', tti: 'TTI',
    transformer: 'Trạm biến áp', affected: 'Khách hàng mất điện', since: 'Từ lúc', noOutages: 'Không có sự cố mất điện',
    pickHint: 'Chọn một huyện, một cảm biến hoặc một đoạn đường để xem diễn biến',
    aqiHistory: 'AQI theo giờ', ttiHistory: 'Chỉ số thời gian đi lại', loading: 'Đang tải…',
    noHistory: 'Không có dữ liệu trong khoảng thời gian này', lastHours: '{n} giờ qua', points: 'điểm',
    historyOff: 'Chưa cấu hình lưu trữ lịch sử (influx.url)', historyDenied: 'Vai trò này không được xem lịch sử',
    aqiOnMapOn: 'Tô màu AQI', aqiOnMapOff: 'Bỏ tô màu AQI',
    m_speedKmh: 'Tốc độ (km/h)', m_temperatureC: 'Nhiệt độ (°C)', m_pm25: 'PM2.5 (µg/m³)', m_rainfallMm: 'Lượng mưa (mm)',
    m_waterLevelCm: 'Mực nước (cm)', m_voltageV: 'Điện áp (V)', m_value: 'Giá trị',
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
    aqiPanel: 'Air quality (VN_AQI, hourly)', trafficPanel: 'Traffic by road segment',
    outagesPanel: 'Power outages', historyPanel: 'Recent history',
    GOOD: 'Good', MODERATE: 'Moderate', POOR: 'Poor', BAD: 'Bad', VERY_BAD: 'Very bad', HAZARDOUS: 'Hazardous',
    lvlFREE: 'Free flow', lvlSLOW: 'Slow', lvlCONGESTED: 'Congested', lvlJAMMED: 'Jammed', lvlUNKNOWN: 'No data',
    segment: 'Segment', level: 'State', speedRatio: 'Speed ratio', tti: 'TTI',
    transformer: 'Transformer', affected: 'Customers out', since: 'Since', noOutages: 'No power outages',
    pickHint: 'Click a district, a sensor or a road segment to see its recent history',
    aqiHistory: 'Hourly AQI', ttiHistory: 'Travel-time index', loading: 'Loading…',
    noHistory: 'No data in this period', lastHours: 'last {n} h', points: 'points',
    historyOff: 'History storage is not configured (influx.url)', historyDenied: 'This role may not read history',
    aqiOnMapOn: 'Colour by AQI', aqiOnMapOff: 'Plain map',
    m_speedKmh: 'Speed (km/h)', m_temperatureC: 'Temperature (°C)', m_pm25: 'PM2.5 (µg/m³)', m_rainfallMm: 'Rainfall (mm)',
    m_waterLevelCm: 'Water level (cm)', m_voltageV: 'Voltage (V)', m_value: 'Value',
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
