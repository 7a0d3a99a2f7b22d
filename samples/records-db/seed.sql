-- 1000 citizens, generated deterministically so every build holds the same data.
CREATE TABLE citizens (
    id          serial PRIMARY KEY,
    national_id text NOT NULL,
    full_name   text,
    province    text,
    born        date
);

INSERT INTO citizens (national_id, full_name, province, born)
SELECT
    lpad((1000000 + n * 7919)::text, 12, '0'),
    (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'])[1 + n % 8] || ' ' ||
    (ARRAY['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc'])[1 + n % 6] || ' ' ||
    (ARRAY['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Tâm'])[1 + n % 10],
    (ARRAY['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Huế', 'Cần Thơ', 'Lào Cai', 'Nghệ An'])[1 + n % 7],
    DATE '1950-01-01' + (n * 37) % 25000
FROM generate_series(1, 1000) AS n;
