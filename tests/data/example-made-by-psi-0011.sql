PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version VALUES('0011');
CREATE TABLE organisation (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	name_key VARCHAR(200) NOT NULL, 
	short VARCHAR(40), 
	short_key VARCHAR(40), 
	orgnr VARCHAR(11), 
	sector VARCHAR(20) NOT NULL, 
	municipality VARCHAR(100), 
	municipality_code VARCHAR(4), 
	status VARCHAR(10) NOT NULL, 
	joined_on DATE, 
	left_on DATE, 
	website VARCHAR(500), 
	note VARCHAR(2000), 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_organisation_sector CHECK (sector IN ('civil-society', 'municipality', 'region', 'state', 'academia', 'business', 'other')), 
	CONSTRAINT ck_organisation_status CHECK (status IN ('member', 'prospect', 'partner', 'former')), 
	UNIQUE (name_key), 
	UNIQUE (short_key), 
	UNIQUE (orgnr)
);
INSERT INTO organisation VALUES(1,'Region Örebro län','region örebro län',NULL,NULL,'232100-0164','region','Örebro','1880','member',NULL,NULL,NULL,'Samordnade PSI 2015–2022. Överlämnade 2023 samordningsansvaret till civilsamhällsorganisationer inom PSI.','2026-12-02 03:58:16.376728','2026-12-02 03:58:16.376949');
INSERT INTO organisation VALUES(2,'Stiftelsen Activa','stiftelsen activa','Activa','activa',NULL,'civil-society',NULL,NULL,'member',NULL,NULL,NULL,'Samordnare 2023–2025.','2026-12-02 03:58:16.378579','2026-12-02 03:58:16.378695');
INSERT INTO organisation VALUES(3,'Möckelnföreningarna','möckelnföreningarna',NULL,NULL,NULL,'civil-society',NULL,NULL,'member',NULL,NULL,NULL,'Samordnare 2023–2024.','2026-12-02 03:58:16.379352','2026-12-02 03:58:16.379461');
INSERT INTO organisation VALUES(4,'Örebro Föreningsråd','örebro föreningsråd',NULL,NULL,NULL,'civil-society','Örebro','1880','member',NULL,NULL,NULL,'Samordnare 2025–2026.','2026-12-02 03:58:16.380145','2026-12-02 03:58:16.380249');
INSERT INTO organisation VALUES(5,'Mötesplats social innovation','mötesplats social innovation','MSI','msi',NULL,'other',NULL,NULL,'partner',NULL,NULL,NULL,'Nationell kunskapsplattform för social innovation. Dialogpartner, inte medlem.','2026-12-02 03:58:16.380942','2026-12-02 03:58:16.381048');
INSERT INTO organisation VALUES(6,'Föreningen Exempelgården (exempel)','föreningen exempelgården (exempel)','Exempelgården','exempelgården',NULL,'civil-society','Örebro','1880','member','2016-02-01',NULL,'https://www.example.org/exempelgarden','Påhittad exempelmedlem.','2026-12-02 03:58:16.382073','2026-12-02 03:58:16.382183');
INSERT INTO organisation VALUES(7,'Exempelstiftelsen Bron (exempel)','exempelstiftelsen bron (exempel)','Bron','bron',NULL,'civil-society','Kumla','1881','member','2018-09-15',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.382815','2026-12-02 03:58:16.382915');
INSERT INTO organisation VALUES(8,'Idrottsföreningen Exempel (exempel)','idrottsföreningen exempel (exempel)',NULL,NULL,NULL,'civil-society','Karlskoga','1883','member','2021-03-10',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.383528','2026-12-02 03:58:16.383630');
INSERT INTO organisation VALUES(9,'Exempelkooperativet Lagret (exempel)','exempelkooperativet lagret (exempel)',NULL,NULL,NULL,'civil-society','Lindesberg','1885','member','2023-05-04',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.384209','2026-12-02 03:58:16.384319');
INSERT INTO organisation VALUES(10,'Exempelkommunens socialförvaltning (exempel)','exempelkommunens socialförvaltning (exempel)',NULL,NULL,NULL,'municipality','Hallsberg','1861','member','2015-06-01',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.384974','2026-12-02 03:58:16.385071');
INSERT INTO organisation VALUES(11,'Exempelhögskolan (exempel)','exempelhögskolan (exempel)',NULL,NULL,NULL,'academia','Örebro','1880','member','2019-01-20',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.385668','2026-12-02 03:58:16.385765');
INSERT INTO organisation VALUES(12,'Exempelmyndigheten (exempel)','exempelmyndigheten (exempel)',NULL,NULL,NULL,'state','Stockholm',NULL,'member','2020-10-01',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.386320','2026-12-02 03:58:16.386427');
INSERT INTO organisation VALUES(13,'Exempelföreningen Nystart (exempel)','exempelföreningen nystart (exempel)',NULL,NULL,NULL,'civil-society','Nora','1884','prospect',NULL,NULL,NULL,'Påhittat exempel på en möjlig ny medlem.','2026-12-02 03:58:16.387128','2026-12-02 03:58:16.387270');
INSERT INTO organisation VALUES(14,'Exempelnätverket Grannar (exempel)','exempelnätverket grannar (exempel)',NULL,NULL,NULL,'civil-society','Askersund','1882','prospect',NULL,NULL,NULL,'Påhittat exempel på en möjlig ny medlem.','2026-12-02 03:58:16.388083','2026-12-02 03:58:16.388226');
INSERT INTO organisation VALUES(15,'Exempelföreningen Avslutad (exempel)','exempelföreningen avslutad (exempel)',NULL,NULL,NULL,'civil-society','Laxå','1860','former','2016-01-01','2024-12-31',NULL,'Påhittat exempel på en medlem som har gått ur.','2026-12-02 03:58:16.389168','2026-12-02 03:58:16.389326');
INSERT INTO organisation VALUES(16,'Studieförbundet Exempel (exempel)','studieförbundet exempel (exempel)',NULL,NULL,NULL,'civil-society','Askersund','1882','member','2015-01-10',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.390179','2026-12-02 03:58:16.390288');
INSERT INTO organisation VALUES(17,'Exempelföreningen Gemenskap (exempel)','exempelföreningen gemenskap (exempel)',NULL,NULL,NULL,'civil-society','Degerfors','1862','member','2016-06-11',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.390877','2026-12-02 03:58:16.390974');
INSERT INTO organisation VALUES(18,'Exempelkyrkans diakoni (exempel)','exempelkyrkans diakoni (exempel)',NULL,NULL,NULL,'civil-society','Hallsberg','1861','member','2017-11-12',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.391488','2026-12-02 03:58:16.391589');
INSERT INTO organisation VALUES(19,'Föreningen Exempelbygdens framtid (exempel)','föreningen exempelbygdens framtid (exempel)',NULL,NULL,NULL,'civil-society','Hällefors','1863','member','2018-04-13',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.392109','2026-12-02 03:58:16.392209');
INSERT INTO organisation VALUES(20,'Exempelföreningen Unga röster (exempel)','exempelföreningen unga röster (exempel)',NULL,NULL,NULL,'civil-society','Karlskoga','1883','member','2019-09-14',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.392867','2026-12-02 03:58:16.392968');
INSERT INTO organisation VALUES(21,'Pensionärsföreningen Exempel (exempel)','pensionärsföreningen exempel (exempel)',NULL,NULL,NULL,'civil-society','Kumla','1881','member','2020-02-15',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.393527','2026-12-02 03:58:16.393620');
INSERT INTO organisation VALUES(22,'Exempelföreningen Integration (exempel)','exempelföreningen integration (exempel)',NULL,NULL,NULL,'civil-society','Laxå','1860','member','2021-07-16',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.394131','2026-12-02 03:58:16.394278');
INSERT INTO organisation VALUES(23,'Kvinnojouren Exempel (exempel)','kvinnojouren exempel (exempel)',NULL,NULL,NULL,'civil-society','Lekeberg','1814','member','2022-12-17',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.394889','2026-12-02 03:58:16.394985');
INSERT INTO organisation VALUES(24,'Exempelföreningen Kulturhuset (exempel)','exempelföreningen kulturhuset (exempel)',NULL,NULL,NULL,'civil-society','Lindesberg','1885','member','2023-05-18',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.395519','2026-12-02 03:58:16.395619');
INSERT INTO organisation VALUES(25,'Hembygdsföreningen Exempel (exempel)','hembygdsföreningen exempel (exempel)',NULL,NULL,NULL,'civil-society','Ljusnarsberg','1864','member','2015-10-19',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.396293','2026-12-02 03:58:16.396392');
INSERT INTO organisation VALUES(26,'Exempelföreningen Läxhjälp (exempel)','exempelföreningen läxhjälp (exempel)',NULL,NULL,NULL,'civil-society','Nora','1884','member','2016-03-20',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.397054','2026-12-02 03:58:16.397182');
INSERT INTO organisation VALUES(27,'Exempelföreningen Fritid för alla (exempel)','exempelföreningen fritid för alla (exempel)',NULL,NULL,NULL,'civil-society','Örebro','1880','member','2017-08-21',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.397843','2026-12-02 03:58:16.397939');
INSERT INTO organisation VALUES(28,'Exempelföreningen Matbanken (exempel)','exempelföreningen matbanken (exempel)',NULL,NULL,NULL,'civil-society','Askersund','1882','member','2018-01-22',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.398516','2026-12-02 03:58:16.398613');
INSERT INTO organisation VALUES(29,'Funktionsrättsföreningen Exempel (exempel)','funktionsrättsföreningen exempel (exempel)',NULL,NULL,NULL,'civil-society','Degerfors','1862','member','2019-06-23',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.399147','2026-12-02 03:58:16.399240');
INSERT INTO organisation VALUES(30,'Exempelföreningen Grön omställning (exempel)','exempelföreningen grön omställning (exempel)',NULL,NULL,NULL,'civil-society','Hallsberg','1861','member','2020-11-24',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.399749','2026-12-02 03:58:16.399841');
INSERT INTO organisation VALUES(31,'Exempelföreningen Nattvandrarna (exempel)','exempelföreningen nattvandrarna (exempel)',NULL,NULL,NULL,'civil-society','Hällefors','1863','member','2021-04-10',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.400365','2026-12-02 03:58:16.400503');
INSERT INTO organisation VALUES(32,'Exempelföreningen Mötesplatsen (exempel)','exempelföreningen mötesplatsen (exempel)',NULL,NULL,NULL,'civil-society','Karlskoga','1883','member','2022-09-11',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.401029','2026-12-02 03:58:16.401121');
INSERT INTO organisation VALUES(33,'Exempelkooperativet Arbete (exempel)','exempelkooperativet arbete (exempel)',NULL,NULL,NULL,'civil-society','Kumla','1881','member','2023-02-12',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.401621','2026-12-02 03:58:16.401718');
INSERT INTO organisation VALUES(34,'Exempelföreningen Seniorkraft (exempel)','exempelföreningen seniorkraft (exempel)',NULL,NULL,NULL,'civil-society','Laxå','1860','member','2015-07-13',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.402212','2026-12-02 03:58:16.402304');
INSERT INTO organisation VALUES(35,'Exempelföreningen Föräldranätverket (exempel)','exempelföreningen föräldranätverket (exempel)',NULL,NULL,NULL,'civil-society','Lekeberg','1814','member','2016-12-14',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.402799','2026-12-02 03:58:16.402895');
INSERT INTO organisation VALUES(36,'Exempelkommunen Norra (exempel)','exempelkommunen norra (exempel)',NULL,NULL,NULL,'municipality','Lindesberg','1885','member','2017-05-15',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.403378','2026-12-02 03:58:16.403467');
INSERT INTO organisation VALUES(37,'Exempelkommunen Södra (exempel)','exempelkommunen södra (exempel)',NULL,NULL,NULL,'municipality','Ljusnarsberg','1864','member','2018-10-16',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.403959','2026-12-02 03:58:16.404052');
INSERT INTO organisation VALUES(38,'Exempelkommunen Västra (exempel)','exempelkommunen västra (exempel)',NULL,NULL,NULL,'municipality','Nora','1884','member','2019-03-17',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.404624','2026-12-02 03:58:16.404720');
INSERT INTO organisation VALUES(39,'Exempelkommunens arbetsmarknadsenhet (exempel)','exempelkommunens arbetsmarknadsenhet (exempel)',NULL,NULL,NULL,'municipality','Örebro','1880','member','2020-08-18',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.405250','2026-12-02 03:58:16.405342');
INSERT INTO organisation VALUES(40,'Exempelgymnasiet (exempel)','exempelgymnasiet (exempel)',NULL,NULL,NULL,'academia','Askersund','1882','member','2021-01-19',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.405829','2026-12-02 03:58:16.405918');
INSERT INTO organisation VALUES(41,'Exempelbolaget Socialt företag (exempel)','exempelbolaget socialt företag (exempel)',NULL,NULL,NULL,'business','Degerfors','1862','member','2022-06-20',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.406413','2026-12-02 03:58:16.406508');
INSERT INTO organisation VALUES(42,'Exempelmyndigheten Arbete (exempel)','exempelmyndigheten arbete (exempel)',NULL,NULL,NULL,'state','Hallsberg','1861','member','2023-11-21',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.406995','2026-12-02 03:58:16.407085');
INSERT INTO organisation VALUES(43,'Exempelföreningen Nyanlända (exempel)','exempelföreningen nyanlända (exempel)',NULL,NULL,NULL,'civil-society','Hällefors','1863','member','2025-03-15',NULL,NULL,'Påhittad exempelmedlem.','2026-12-02 03:58:16.407688','2026-12-02 03:58:16.407783');
CREATE TABLE contact (
	id INTEGER NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	email VARCHAR(254), 
	phone VARCHAR(40), 
	role VARCHAR(100), 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);
INSERT INTO contact VALUES(1,6,'Anna Exempelsson','anna.exempelsson@example.org','019-00 00 01','verksamhetsledare','2026-12-02 03:58:16.410582');
INSERT INTO contact VALUES(2,7,'Erik Exempelsson','erik.exempelsson@example.org',NULL,'ordförande','2026-12-02 03:58:16.412192');
INSERT INTO contact VALUES(3,11,'Maria Exempeldotter','maria.exempeldotter@example.org',NULL,'forskare','2026-12-02 03:58:16.413133');
CREATE TABLE erasure (
	id INTEGER NOT NULL, 
	erased_on DATE NOT NULL, 
	organisation_id INTEGER, 
	records INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);
CREATE TABLE inquiry (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	asked_on DATE NOT NULL, 
	answer VARCHAR(8) NOT NULL, 
	note VARCHAR(2000), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_inquiry_year_org UNIQUE (year, organisation_id), 
	CONSTRAINT ck_inquiry_answer CHECK (answer IN ('pending', 'yes', 'no')), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);
INSERT INTO inquiry VALUES(1,2026,6,'2025-09-15','pending','Påhittad exempelförfrågan.');
INSERT INTO inquiry VALUES(2,2026,7,'2025-09-15','no','Påhittad exempelförfrågan: hinner inte 2026.');
CREATE TABLE meeting (
	id INTEGER NOT NULL, 
	uid VARCHAR(100) NOT NULL, 
	plan_key VARCHAR(60), 
	kind VARCHAR(10) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	day DATE NOT NULL, 
	start_time TIME, 
	end_time TIME, 
	place VARCHAR(200), 
	link VARCHAR(500), 
	co_organiser VARCHAR(200), 
	status VARCHAR(10) NOT NULL, 
	cancel_reason VARCHAR(500), 
	agenda VARCHAR(10000), 
	minutes VARCHAR(100000), 
	sequence INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uid), 
	UNIQUE (plan_key), 
	CONSTRAINT ck_meeting_kind CHECK (kind IN ('au', 'stormote', 'msi', 'other')), 
	CONSTRAINT ck_meeting_status CHECK (status IN ('planned', 'held', 'cancelled'))
);
INSERT INTO meeting VALUES(1,'59eb7227-2149-4e0e-859b-9b9f130ca8ac@psi.orebro',NULL,'au','AU-möte (exempel)','2025-01-14','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.495674','2026-12-02 03:58:16.612312');
INSERT INTO meeting VALUES(2,'06d1bab5-e352-4208-8868-6c6e03a24493@psi.orebro',NULL,'au','AU-möte (exempel)','2025-02-11','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.615161','2026-12-02 03:58:16.617193');
INSERT INTO meeting VALUES(3,'99cb5431-5565-4ace-9411-cf4c33abe7c6@psi.orebro',NULL,'au','AU-möte (exempel)','2025-03-11','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.618429','2026-12-02 03:58:16.620838');
INSERT INTO meeting VALUES(4,'2001d903-eeb2-42fb-b64c-54d28f4c3c77@psi.orebro',NULL,'au','AU-möte (exempel)','2025-04-08','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.622003','2026-12-02 03:58:16.623781');
INSERT INTO meeting VALUES(5,'bd28e427-7503-4842-b416-7f711b9855fb@psi.orebro',NULL,'au','AU-möte (exempel)','2025-05-13','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.624842','2026-12-02 03:58:16.626558');
INSERT INTO meeting VALUES(6,'043a2a2a-e486-4eec-90c2-514c1c0c2327@psi.orebro',NULL,'au','AU-möte (exempel)','2025-06-10','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.627608','2026-12-02 03:58:16.629446');
INSERT INTO meeting VALUES(7,'470657ba-3ecf-4a99-8cd9-7bf0849a98aa@psi.orebro',NULL,'au','AU-möte (exempel)','2025-08-12','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.630422','2026-12-02 03:58:16.632129');
INSERT INTO meeting VALUES(8,'91eae4e3-5de7-4a6d-a09f-8a4e5d3ad940@psi.orebro',NULL,'au','AU-möte (exempel)','2025-09-09','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.633190','2026-12-02 03:58:16.635447');
INSERT INTO meeting VALUES(9,'beb9df28-b0f4-46b9-80cb-cfb7540b7899@psi.orebro',NULL,'au','AU-möte (exempel)','2025-10-14','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.636596','2026-12-02 03:58:16.638491');
INSERT INTO meeting VALUES(10,'b8d8ec9b-6881-4a6b-8da3-bc5e7ca0dec7@psi.orebro',NULL,'au','AU-möte (exempel)','2025-11-11','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.639490','2026-12-02 03:58:16.641314');
INSERT INTO meeting VALUES(11,'fa7a80e1-7042-4fc0-a30a-16618c33d610@psi.orebro',NULL,'au','AU-möte (exempel)','2025-12-09','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.642275','2026-12-02 03:58:16.644018');
INSERT INTO meeting VALUES(12,'5959b317-407c-48d8-a041-364fd667dc09@psi.orebro',NULL,'stormote','Stormöte: social innovation i föreningslivet (exempel)','2025-02-20','09:00:00.000000','12:00:00.000000','Exempelhuset, Örebro',NULL,'Regional utveckling','held',NULL,replace('Aktivitetslistan 2025\nSocial innovation i föreningslivet','\n',char(10)),NULL,1,'2026-12-02 03:58:16.644889','2026-12-02 03:58:16.649043');
INSERT INTO meeting VALUES(13,'bbb58f17-caa1-4b23-8bc5-4279c113f0a1@psi.orebro',NULL,'stormote','Stormöte: rekrytering och nya medlemmar (exempel)','2025-05-22','09:00:00.000000','12:00:00.000000','Exempelhuset, Örebro',NULL,'Regional utveckling','held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.651308','2026-12-02 03:58:16.655196');
INSERT INTO meeting VALUES(14,'66172077-db85-44c4-a706-dd12e72773f2@psi.orebro',NULL,'stormote','Stormöte: höstens nätverksträff (exempel)','2025-10-23','09:00:00.000000','12:00:00.000000','Exempelhuset, Örebro',NULL,'Regional utveckling','held',NULL,replace('Aktivitetslistan 2026\nSamordningen 2026','\n',char(10)),NULL,1,'2026-12-02 03:58:16.656630','2026-12-02 03:58:16.660581');
INSERT INTO meeting VALUES(15,'4ab97f31-cc8b-4aac-bcd8-e457073083a4@psi.orebro',NULL,'msi','Dialogmöte med Mötesplats social innovation (exempel)','2025-05-14','10:00:00.000000','11:00:00.000000',NULL,'https://meet.example.org/psi-msi',NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.662443','2026-12-02 03:58:16.664959');
INSERT INTO meeting VALUES(16,'1be4cb1f-6e9e-4ed1-8707-91f99bd43860@psi.orebro',NULL,'au','AU-möte (exempel)','2026-01-13','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.666097','2026-12-02 03:58:16.668014');
INSERT INTO meeting VALUES(17,'ff8fba53-5dbf-42ab-8ffe-0d69e240355b@psi.orebro',NULL,'au','AU-möte (exempel)','2026-02-10','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.669422','2026-12-02 03:58:16.671245');
INSERT INTO meeting VALUES(18,'efb1843b-1680-4471-b905-ae4282149455@psi.orebro',NULL,'au','AU-möte (exempel)','2026-03-10','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.672250','2026-12-02 03:58:16.673672');
INSERT INTO meeting VALUES(19,'ab694e81-746e-457b-974c-c23b00022b5d@psi.orebro',NULL,'au','AU-möte (exempel)','2026-04-14','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.674462','2026-12-02 03:58:16.675678');
INSERT INTO meeting VALUES(20,'b6fa94a6-14ad-484b-b369-c3be753fb0b0@psi.orebro',NULL,'au','AU-möte (exempel)','2026-05-12','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.676490','2026-12-02 03:58:16.677831');
INSERT INTO meeting VALUES(21,'7b286348-387b-45d9-8d9a-9ed8fdc1007d@psi.orebro',NULL,'au','AU-möte (exempel)','2026-06-09','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.678620','2026-12-02 03:58:16.679841');
INSERT INTO meeting VALUES(22,'84fec036-09b6-44ec-a1d1-0865eb59a960@psi.orebro',NULL,'au','AU-möte (exempel)','2026-08-11','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.680671','2026-12-02 03:58:16.681891');
INSERT INTO meeting VALUES(23,'2356c419-fc5f-41bd-b026-e25dce6d9991@psi.orebro',NULL,'au','AU-möte (exempel)','2026-09-08','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.682651','2026-12-02 03:58:16.683880');
INSERT INTO meeting VALUES(24,'ba43e0ac-431b-4472-8b04-23bdddfc9a6a@psi.orebro',NULL,'au','AU-möte (exempel)','2026-10-13','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.684730','2026-12-02 03:58:16.686465');
INSERT INTO meeting VALUES(25,'a537cd38-f6a0-43c6-8766-006ef6ad8e54@psi.orebro',NULL,'au','AU-möte (exempel)','2026-11-10','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.687557','2026-12-02 03:58:16.688894');
INSERT INTO meeting VALUES(26,'d66ceefd-7454-4202-a237-d6694ff691d5@psi.orebro',NULL,'au','AU-möte (exempel)','2026-12-08','13:00:00.000000','15:00:00.000000',NULL,NULL,NULL,'planned',NULL,replace('Rotationen 2027\nAktivitetslistan 2027\nBudget 2027','\n',char(10)),NULL,0,'2026-12-02 03:58:16.689680','2026-12-02 03:58:16.689681');
INSERT INTO meeting VALUES(27,'16acc033-184e-4f68-8fc9-4d14c1b68f55@psi.orebro',NULL,'stormote','Stormöte: vårens nätverksträff (exempel)','2026-02-24','09:00:00.000000','12:00:00.000000','Exempelhuset, Örebro',NULL,'Regional utveckling','held',NULL,'Aktivitetslistan 2026',NULL,1,'2026-12-02 03:58:16.690184','2026-12-02 03:58:16.693993');
INSERT INTO meeting VALUES(28,'9938fec2-0b56-472d-9eb7-3aa145fa54f5@psi.orebro',NULL,'stormote','Stormöte: temadagens uppföljning (exempel)','2026-06-02','09:00:00.000000','12:00:00.000000','Exempelhuset, Örebro',NULL,'Regional utveckling','held',NULL,NULL,NULL,1,'2026-12-02 03:58:16.695395','2026-12-02 03:58:16.698312');
INSERT INTO meeting VALUES(29,'f547cbc5-5958-4045-ba06-082b125df276@psi.orebro',NULL,'stormote','Stormöte: året som gått (exempel)','2026-11-26','09:00:00.000000','12:00:00.000000','Exempelhuset, Örebro',NULL,'Regional utveckling','planned',NULL,replace('Uppföljning av 2026\nSamordningen 2027','\n',char(10)),NULL,0,'2026-12-02 03:58:16.699301','2026-12-02 03:58:16.699302');
CREATE TABLE decision (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text VARCHAR(2000) NOT NULL, agenda_item INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);
INSERT INTO decision VALUES(1,12,1,'Mötet beslutade att anta aktivitetslistan 2025.',1);
INSERT INTO decision VALUES(2,14,1,'Mötet beslutade att ge arbetsutskottet i uppdrag att ta fram aktivitetslistan 2026.',1);
INSERT INTO decision VALUES(3,27,1,'Mötet beslutade att anta aktivitetslistan 2026.',1);
CREATE TABLE attendance (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	contact_id INTEGER, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_attendance_meeting_org UNIQUE (meeting_id, organisation_id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id), 
	FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE SET NULL
);
INSERT INTO attendance VALUES(1,1,2,NULL);
INSERT INTO attendance VALUES(2,1,4,NULL);
INSERT INTO attendance VALUES(3,2,2,NULL);
INSERT INTO attendance VALUES(4,2,4,NULL);
INSERT INTO attendance VALUES(5,3,2,NULL);
INSERT INTO attendance VALUES(6,3,4,NULL);
INSERT INTO attendance VALUES(7,3,6,NULL);
INSERT INTO attendance VALUES(8,4,2,NULL);
INSERT INTO attendance VALUES(9,4,4,NULL);
INSERT INTO attendance VALUES(10,5,2,NULL);
INSERT INTO attendance VALUES(11,5,4,NULL);
INSERT INTO attendance VALUES(12,6,2,NULL);
INSERT INTO attendance VALUES(13,6,4,NULL);
INSERT INTO attendance VALUES(14,7,2,NULL);
INSERT INTO attendance VALUES(15,7,4,NULL);
INSERT INTO attendance VALUES(16,8,2,NULL);
INSERT INTO attendance VALUES(17,8,4,NULL);
INSERT INTO attendance VALUES(18,8,6,NULL);
INSERT INTO attendance VALUES(19,9,2,NULL);
INSERT INTO attendance VALUES(20,9,4,NULL);
INSERT INTO attendance VALUES(21,10,2,NULL);
INSERT INTO attendance VALUES(22,10,4,NULL);
INSERT INTO attendance VALUES(23,11,2,NULL);
INSERT INTO attendance VALUES(24,11,4,NULL);
INSERT INTO attendance VALUES(25,12,2,NULL);
INSERT INTO attendance VALUES(26,12,4,NULL);
INSERT INTO attendance VALUES(27,12,6,NULL);
INSERT INTO attendance VALUES(28,12,7,NULL);
INSERT INTO attendance VALUES(29,12,10,NULL);
INSERT INTO attendance VALUES(30,12,1,NULL);
INSERT INTO attendance VALUES(31,13,2,NULL);
INSERT INTO attendance VALUES(32,13,4,NULL);
INSERT INTO attendance VALUES(33,13,6,NULL);
INSERT INTO attendance VALUES(34,13,8,NULL);
INSERT INTO attendance VALUES(35,13,11,NULL);
INSERT INTO attendance VALUES(36,13,1,NULL);
INSERT INTO attendance VALUES(37,14,2,NULL);
INSERT INTO attendance VALUES(38,14,4,NULL);
INSERT INTO attendance VALUES(39,14,6,NULL);
INSERT INTO attendance VALUES(40,14,7,NULL);
INSERT INTO attendance VALUES(41,14,3,NULL);
INSERT INTO attendance VALUES(42,14,1,NULL);
INSERT INTO attendance VALUES(43,15,2,NULL);
INSERT INTO attendance VALUES(44,15,4,NULL);
INSERT INTO attendance VALUES(45,15,5,NULL);
INSERT INTO attendance VALUES(46,16,4,NULL);
INSERT INTO attendance VALUES(47,17,4,NULL);
INSERT INTO attendance VALUES(48,17,6,NULL);
INSERT INTO attendance VALUES(49,18,4,NULL);
INSERT INTO attendance VALUES(50,19,4,NULL);
INSERT INTO attendance VALUES(51,20,4,NULL);
INSERT INTO attendance VALUES(52,21,4,NULL);
INSERT INTO attendance VALUES(53,22,4,NULL);
INSERT INTO attendance VALUES(54,23,4,NULL);
INSERT INTO attendance VALUES(55,24,4,NULL);
INSERT INTO attendance VALUES(56,24,6,NULL);
INSERT INTO attendance VALUES(57,25,4,NULL);
INSERT INTO attendance VALUES(58,27,4,NULL);
INSERT INTO attendance VALUES(59,27,6,NULL);
INSERT INTO attendance VALUES(60,27,8,NULL);
INSERT INTO attendance VALUES(61,27,7,NULL);
INSERT INTO attendance VALUES(62,27,10,NULL);
INSERT INTO attendance VALUES(63,27,1,NULL);
INSERT INTO attendance VALUES(64,28,4,NULL);
INSERT INTO attendance VALUES(65,28,6,NULL);
INSERT INTO attendance VALUES(66,28,11,NULL);
INSERT INTO attendance VALUES(67,28,1,NULL);
CREATE TABLE action_item (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	text VARCHAR(1000) NOT NULL, 
	owner_id INTEGER NOT NULL, 
	due_on DATE NOT NULL, 
	done_on DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(owner_id) REFERENCES organisation (id)
);
INSERT INTO action_item VALUES(1,25,'Fråga kandidater om samordningen 2027 (exempel)',4,'2026-12-01',NULL);
INSERT INTO action_item VALUES(2,24,'Boka lokal till stormötet i november (exempel)',4,'2026-10-30','2026-10-20');
CREATE TABLE budget_grant (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	amount_ore INTEGER NOT NULL, 
	source VARCHAR(200) NOT NULL, 
	decided_on DATE, 
	decision_ref VARCHAR(200), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_budget_grant_year_source UNIQUE (year, source)
);
INSERT INTO budget_grant VALUES(1,2025,20000000,'Kulturnämnden','2024-06-11','Föredragnings-PM kulturnämnden 2024-06-11');
INSERT INTO budget_grant VALUES(2,2026,20000000,'Kulturnämnden','2025-08-27','Föredragnings-PM kulturnämnden 2025-08-27');
CREATE TABLE allocation (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	amount_ore INTEGER NOT NULL, 
	override_reason VARCHAR(2000), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_allocation_year_org UNIQUE (year, organisation_id), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);
INSERT INTO allocation VALUES(1,2025,2,10000000,NULL);
INSERT INTO allocation VALUES(2,2025,4,10000000,NULL);
CREATE TABLE expense (
	id INTEGER NOT NULL, 
	spent_on DATE NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	amount_ore INTEGER NOT NULL, 
	category VARCHAR(20) NOT NULL, 
	note VARCHAR(2000), 
	meeting_id INTEGER, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_expense_category CHECK (category IN ('personnel', 'venue', 'catering', 'communication', 'travel', 'other')), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);
INSERT INTO expense VALUES(1,'2025-02-11',2,245000,'catering','Fika, stormöte (exempel)',NULL);
INSERT INTO expense VALUES(2,'2025-03-31',4,4500000,'personnel','Arvode samordning jan-mars (exempel)',NULL);
INSERT INTO expense VALUES(3,'2025-05-20',2,380000,'venue','Lokalhyra, stormöte (exempel)',NULL);
INSERT INTO expense VALUES(4,'2025-06-30',2,4000000,'personnel','Arvode samordning jan-juni (exempel)',NULL);
INSERT INTO expense VALUES(5,'2025-09-15',4,123450,'travel','Resor till MSI-dialog (exempel)',NULL);
INSERT INTO expense VALUES(6,'2025-11-04',4,298000,'communication','Trycksaker (exempel)',NULL);
INSERT INTO expense VALUES(7,'2026-02-24',4,260000,'catering','Fika, stormöte (exempel)',NULL);
INSERT INTO expense VALUES(8,'2026-06-30',4,6000000,'personnel','Arvode samordning jan-juni (exempel)',NULL);
CREATE TABLE operations_plan (
	id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	first_year INTEGER NOT NULL, 
	last_year INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (title)
);
INSERT INTO operations_plan VALUES(1,'Verksamhetsplan 2024-2027 (exempel)',2024,2027);
CREATE TABLE goal (
	id INTEGER NOT NULL, 
	plan_id INTEGER NOT NULL, 
	code VARCHAR(10) NOT NULL, 
	text VARCHAR(1000) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_goal_plan_code UNIQUE (plan_id, code), 
	FOREIGN KEY(plan_id) REFERENCES operations_plan (id)
);
INSERT INTO goal VALUES(1,1,'M1','Fler medlemmar från länets alla kommuner (exempel)');
INSERT INTO goal VALUES(2,1,'M2','Stormöten och aktiviteter som medlemmarna önskar (exempel)');
INSERT INTO goal VALUES(3,1,'M3','Synlighet via hemsida och sociala medier (exempel)');
INSERT INTO goal VALUES(4,1,'M4','Kunskapsutbyte med Mötesplats social innovation och andra regioner (exempel)');
CREATE TABLE activity (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	goal_id INTEGER, 
	owner_id INTEGER, 
	planned_on DATE, 
	status VARCHAR(10) NOT NULL, 
	done_on DATE, 
	outcome VARCHAR(2000), 
	cancel_reason VARCHAR(500), 
	carried_from_id INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (carried_from_id), 
	CONSTRAINT ck_activity_status CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled', 'carried')), 
	FOREIGN KEY(goal_id) REFERENCES goal (id), 
	FOREIGN KEY(owner_id) REFERENCES organisation (id), 
	FOREIGN KEY(carried_from_id) REFERENCES activity (id)
);
INSERT INTO activity VALUES(1,2025,'Workshop om sociala innovationer i praktiken (exempel)',2,2,'2025-04-10','done','2025-04-10','28 deltagare från 12 organisationer (exempel)',NULL,NULL);
INSERT INTO activity VALUES(2,2025,'Rekryteringsträff i norra länet (exempel)',1,4,'2025-09-18','done','2025-09-18','Två nya intresserade organisationer (exempel)',NULL,NULL);
INSERT INTO activity VALUES(3,2025,'Nyhetsbrev varje kvartal (exempel)',3,4,NULL,'done','2025-12-15','Fyra nyhetsbrev (exempel)',NULL,NULL);
INSERT INTO activity VALUES(4,2025,'Studieresa till en annan region (exempel)',4,2,'2025-10-08','cancelled',NULL,NULL,'För få anmälda (exempel)',NULL);
INSERT INTO activity VALUES(5,2025,'Guide för nya medlemmar (exempel)',1,4,NULL,'carried',NULL,NULL,NULL,NULL);
INSERT INTO activity VALUES(6,2026,'Temadag om social innovation och civilsamhälle (exempel)',2,4,'2026-04-23','done','2026-04-23','35 deltagare (exempel)',NULL,NULL);
INSERT INTO activity VALUES(7,2026,'Dialogmöte med MSI om nätverkets nästa steg (exempel)',4,4,'2026-09-17','ongoing',NULL,NULL,NULL,NULL);
INSERT INTO activity VALUES(8,2026,'Medlemsenkät om önskade aktiviteter (exempel)',2,4,'2026-12-10','planned',NULL,NULL,NULL,NULL);
INSERT INTO activity VALUES(9,2026,'Guide för nya medlemmar (exempel)',1,4,NULL,'planned',NULL,NULL,NULL,5);
CREATE TABLE activity_request (
	id INTEGER NOT NULL, 
	activity_id INTEGER NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_activity_request UNIQUE (activity_id, organisation_id), 
	FOREIGN KEY(activity_id) REFERENCES activity (id), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);
INSERT INTO activity_request VALUES(1,1,6);
INSERT INTO activity_request VALUES(2,1,7);
INSERT INTO activity_request VALUES(3,6,8);
INSERT INTO activity_request VALUES(4,8,9);
CREATE TABLE log_entry (
	id INTEGER NOT NULL, 
	logged_on DATE NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	organisation_id INTEGER, 
	text VARCHAR(2000) NOT NULL, 
	link VARCHAR(500), 
	PRIMARY KEY (id), 
	CONSTRAINT ck_log_entry_kind CHECK (kind IN ('member-dialogue', 'recruitment', 'msi', 'website', 'social-media', 'other')), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);
INSERT INTO log_entry VALUES(1,'2025-02-03','member-dialogue',6,'Samtal om önskade aktiviteter 2025 (exempel)',NULL);
INSERT INTO log_entry VALUES(2,'2025-05-14','msi',5,'Digitalt avstämningsmöte med MSI (exempel)',NULL);
INSERT INTO log_entry VALUES(3,'2025-06-02','website',NULL,'Program för hösten publicerat på hemsidan (exempel)','https://www.example.org/psi/program');
INSERT INTO log_entry VALUES(4,'2025-09-20','recruitment',13,'Presenterade PSI på rekryteringsträffen (exempel)',NULL);
INSERT INTO log_entry VALUES(5,'2025-11-10','social-media',NULL,'Inlägg om workshopen (exempel)',NULL);
INSERT INTO log_entry VALUES(6,'2026-01-15','recruitment',13,'Uppföljande samtal om medlemskap (exempel)',NULL);
INSERT INTO log_entry VALUES(7,'2026-03-02','member-dialogue',9,'Samtal om en medlemsenkät (exempel)',NULL);
INSERT INTO log_entry VALUES(8,'2026-04-24','social-media',NULL,'Bilder från temadagen (exempel)',NULL);
INSERT INTO log_entry VALUES(9,'2026-05-06','msi',5,'Samtal om nationellt nätverksmöte (exempel)',NULL);
CREATE TABLE setting (
	"key" VARCHAR(40) NOT NULL, 
	value VARCHAR(300) NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO setting VALUES('founded','2015');
INSERT INTO setting VALUES('signer','Katarina Strömgren Sandh');
INSERT INTO setting VALUES('signer-title','Kulturchef');
INSERT INTO setting VALUES('signer-title-en','Head of Culture');
INSERT INTO setting VALUES('founded-by','dåvarande Örebro läns landsting samt Regionförbundet');
CREATE TABLE IF NOT EXISTS "audit_entry" (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	os_user VARCHAR(100) NOT NULL, 
	command VARCHAR(2000) NOT NULL, 
	changes TEXT NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO audit_entry VALUES(1,'2026-12-02 03:58:16.706248','root','psi init --example','[{"action": "insert", "table": "setting", "id": null, "values": {"key": "founded", "value": "2015"}}, {"action": "insert", "table": "setting", "id": null, "values": {"key": "signer", "value": "Katarina Strömgren Sandh"}}, {"action": "insert", "table": "setting", "id": null, "values": {"key": "signer-title", "value": "Kulturchef"}}, {"action": "insert", "table": "setting", "id": null, "values": {"key": "signer-title-en", "value": "Head of Culture"}}, {"action": "insert", "table": "setting", "id": null, "values": {"key": "founded-by", "value": "dåvarande Örebro läns landsting samt Regionförbundet"}}, {"action": "insert", "table": "organisation", "id": 1, "values": {"id": 1, "name": "Region Örebro län", "orgnr": "232100-0164", "sector": "region", "municipality": "Örebro", "municipality_code": "1880", "status": "member", "note": "Samordnade PSI 2015–2022. Överlämnade 2023 samordningsansvaret till civilsamhällsorganisationer inom PSI."}}, {"action": "insert", "table": "organisation", "id": 2, "values": {"id": 2, "name": "Stiftelsen Activa", "short": "Activa", "sector": "civil-society", "status": "member", "note": "Samordnare 2023–2025."}}, {"action": "insert", "table": "organisation", "id": 3, "values": {"id": 3, "name": "Möckelnföreningarna", "sector": "civil-society", "status": "member", "note": "Samordnare 2023–2024."}}, {"action": "insert", "table": "organisation", "id": 4, "values": {"id": 4, "name": "Örebro Föreningsråd", "sector": "civil-society", "municipality": "Örebro", "municipality_code": "1880", "status": "member", "note": "Samordnare 2025–2026."}}, {"action": "insert", "table": "organisation", "id": 5, "values": {"id": 5, "name": "Mötesplats social innovation", "short": "MSI", "sector": "other", "status": "partner", "note": "Nationell kunskapsplattform för social innovation. Dialogpartner, inte medlem."}}, {"action": "insert", "table": "organisation", "id": 6, "values": {"id": 6, "name": "Föreningen Exempelgården (exempel)", "short": "Exempelgården", "sector": "civil-society", "municipality": "Örebro", "municipality_code": "1880", "status": "member", "joined_on": "2016-02-01", "website": "https://www.example.org/exempelgarden", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 7, "values": {"id": 7, "name": "Exempelstiftelsen Bron (exempel)", "short": "Bron", "sector": "civil-society", "municipality": "Kumla", "municipality_code": "1881", "status": "member", "joined_on": "2018-09-15", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 8, "values": {"id": 8, "name": "Idrottsföreningen Exempel (exempel)", "sector": "civil-society", "municipality": "Karlskoga", "municipality_code": "1883", "status": "member", "joined_on": "2021-03-10", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 9, "values": {"id": 9, "name": "Exempelkooperativet Lagret (exempel)", "sector": "civil-society", "municipality": "Lindesberg", "municipality_code": "1885", "status": "member", "joined_on": "2023-05-04", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 10, "values": {"id": 10, "name": "Exempelkommunens socialförvaltning (exempel)", "sector": "municipality", "municipality": "Hallsberg", "municipality_code": "1861", "status": "member", "joined_on": "2015-06-01", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 11, "values": {"id": 11, "name": "Exempelhögskolan (exempel)", "sector": "academia", "municipality": "Örebro", "municipality_code": "1880", "status": "member", "joined_on": "2019-01-20", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 12, "values": {"id": 12, "name": "Exempelmyndigheten (exempel)", "sector": "state", "municipality": "Stockholm", "status": "member", "joined_on": "2020-10-01", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 13, "values": {"id": 13, "name": "Exempelföreningen Nystart (exempel)", "sector": "civil-society", "municipality": "Nora", "municipality_code": "1884", "status": "prospect", "note": "Påhittat exempel på en möjlig ny medlem."}}, {"action": "insert", "table": "organisation", "id": 14, "values": {"id": 14, "name": "Exempelnätverket Grannar (exempel)", "sector": "civil-society", "municipality": "Askersund", "municipality_code": "1882", "status": "prospect", "note": "Påhittat exempel på en möjlig ny medlem."}}, {"action": "insert", "table": "organisation", "id": 15, "values": {"id": 15, "name": "Exempelföreningen Avslutad (exempel)", "sector": "civil-society", "municipality": "Laxå", "municipality_code": "1860", "status": "former", "joined_on": "2016-01-01", "left_on": "2024-12-31", "note": "Påhittat exempel på en medlem som har gått ur."}}, {"action": "insert", "table": "organisation", "id": 16, "values": {"id": 16, "name": "Studieförbundet Exempel (exempel)", "sector": "civil-society", "municipality": "Askersund", "municipality_code": "1882", "status": "member", "joined_on": "2015-01-10", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 17, "values": {"id": 17, "name": "Exempelföreningen Gemenskap (exempel)", "sector": "civil-society", "municipality": "Degerfors", "municipality_code": "1862", "status": "member", "joined_on": "2016-06-11", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 18, "values": {"id": 18, "name": "Exempelkyrkans diakoni (exempel)", "sector": "civil-society", "municipality": "Hallsberg", "municipality_code": "1861", "status": "member", "joined_on": "2017-11-12", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 19, "values": {"id": 19, "name": "Föreningen Exempelbygdens framtid (exempel)", "sector": "civil-society", "municipality": "Hällefors", "municipality_code": "1863", "status": "member", "joined_on": "2018-04-13", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 20, "values": {"id": 20, "name": "Exempelföreningen Unga röster (exempel)", "sector": "civil-society", "municipality": "Karlskoga", "municipality_code": "1883", "status": "member", "joined_on": "2019-09-14", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 21, "values": {"id": 21, "name": "Pensionärsföreningen Exempel (exempel)", "sector": "civil-society", "municipality": "Kumla", "municipality_code": "1881", "status": "member", "joined_on": "2020-02-15", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 22, "values": {"id": 22, "name": "Exempelföreningen Integration (exempel)", "sector": "civil-society", "municipality": "Laxå", "municipality_code": "1860", "status": "member", "joined_on": "2021-07-16", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 23, "values": {"id": 23, "name": "Kvinnojouren Exempel (exempel)", "sector": "civil-society", "municipality": "Lekeberg", "municipality_code": "1814", "status": "member", "joined_on": "2022-12-17", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 24, "values": {"id": 24, "name": "Exempelföreningen Kulturhuset (exempel)", "sector": "civil-society", "municipality": "Lindesberg", "municipality_code": "1885", "status": "member", "joined_on": "2023-05-18", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 25, "values": {"id": 25, "name": "Hembygdsföreningen Exempel (exempel)", "sector": "civil-society", "municipality": "Ljusnarsberg", "municipality_code": "1864", "status": "member", "joined_on": "2015-10-19", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 26, "values": {"id": 26, "name": "Exempelföreningen Läxhjälp (exempel)", "sector": "civil-society", "municipality": "Nora", "municipality_code": "1884", "status": "member", "joined_on": "2016-03-20", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 27, "values": {"id": 27, "name": "Exempelföreningen Fritid för alla (exempel)", "sector": "civil-society", "municipality": "Örebro", "municipality_code": "1880", "status": "member", "joined_on": "2017-08-21", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 28, "values": {"id": 28, "name": "Exempelföreningen Matbanken (exempel)", "sector": "civil-society", "municipality": "Askersund", "municipality_code": "1882", "status": "member", "joined_on": "2018-01-22", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 29, "values": {"id": 29, "name": "Funktionsrättsföreningen Exempel (exempel)", "sector": "civil-society", "municipality": "Degerfors", "municipality_code": "1862", "status": "member", "joined_on": "2019-06-23", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 30, "values": {"id": 30, "name": "Exempelföreningen Grön omställning (exempel)", "sector": "civil-society", "municipality": "Hallsberg", "municipality_code": "1861", "status": "member", "joined_on": "2020-11-24", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 31, "values": {"id": 31, "name": "Exempelföreningen Nattvandrarna (exempel)", "sector": "civil-society", "municipality": "Hällefors", "municipality_code": "1863", "status": "member", "joined_on": "2021-04-10", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 32, "values": {"id": 32, "name": "Exempelföreningen Mötesplatsen (exempel)", "sector": "civil-society", "municipality": "Karlskoga", "municipality_code": "1883", "status": "member", "joined_on": "2022-09-11", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 33, "values": {"id": 33, "name": "Exempelkooperativet Arbete (exempel)", "sector": "civil-society", "municipality": "Kumla", "municipality_code": "1881", "status": "member", "joined_on": "2023-02-12", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 34, "values": {"id": 34, "name": "Exempelföreningen Seniorkraft (exempel)", "sector": "civil-society", "municipality": "Laxå", "municipality_code": "1860", "status": "member", "joined_on": "2015-07-13", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 35, "values": {"id": 35, "name": "Exempelföreningen Föräldranätverket (exempel)", "sector": "civil-society", "municipality": "Lekeberg", "municipality_code": "1814", "status": "member", "joined_on": "2016-12-14", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 36, "values": {"id": 36, "name": "Exempelkommunen Norra (exempel)", "sector": "municipality", "municipality": "Lindesberg", "municipality_code": "1885", "status": "member", "joined_on": "2017-05-15", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 37, "values": {"id": 37, "name": "Exempelkommunen Södra (exempel)", "sector": "municipality", "municipality": "Ljusnarsberg", "municipality_code": "1864", "status": "member", "joined_on": "2018-10-16", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 38, "values": {"id": 38, "name": "Exempelkommunen Västra (exempel)", "sector": "municipality", "municipality": "Nora", "municipality_code": "1884", "status": "member", "joined_on": "2019-03-17", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 39, "values": {"id": 39, "name": "Exempelkommunens arbetsmarknadsenhet (exempel)", "sector": "municipality", "municipality": "Örebro", "municipality_code": "1880", "status": "member", "joined_on": "2020-08-18", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 40, "values": {"id": 40, "name": "Exempelgymnasiet (exempel)", "sector": "academia", "municipality": "Askersund", "municipality_code": "1882", "status": "member", "joined_on": "2021-01-19", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 41, "values": {"id": 41, "name": "Exempelbolaget Socialt företag (exempel)", "sector": "business", "municipality": "Degerfors", "municipality_code": "1862", "status": "member", "joined_on": "2022-06-20", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 42, "values": {"id": 42, "name": "Exempelmyndigheten Arbete (exempel)", "sector": "state", "municipality": "Hallsberg", "municipality_code": "1861", "status": "member", "joined_on": "2023-11-21", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "organisation", "id": 43, "values": {"id": 43, "name": "Exempelföreningen Nyanlända (exempel)", "sector": "civil-society", "municipality": "Hällefors", "municipality_code": "1863", "status": "member", "joined_on": "2025-03-15", "note": "Påhittad exempelmedlem."}}, {"action": "insert", "table": "contact", "id": 1, "values": {"id": 1, "organisation_id": 6, "name": "Anna Exempelsson", "email": "anna.exempelsson@example.org", "phone": "019-00 00 01", "role": "verksamhetsledare"}}, {"action": "insert", "table": "contact", "id": 2, "values": {"id": 2, "organisation_id": 7, "name": "Erik Exempelsson", "email": "erik.exempelsson@example.org", "role": "ordförande"}}, {"action": "insert", "table": "contact", "id": 3, "values": {"id": 3, "organisation_id": 11, "name": "Maria Exempeldotter", "email": "maria.exempeldotter@example.org", "role": "forskare"}}, {"action": "insert", "table": "coordinator_term", "id": 1, "values": {"id": 1, "year": 2015, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 2, "values": {"id": 2, "year": 2016, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 3, "values": {"id": 3, "year": 2017, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 4, "values": {"id": 4, "year": 2018, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 5, "values": {"id": 5, "year": 2019, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 6, "values": {"id": 6, "year": 2020, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 7, "values": {"id": 7, "year": 2021, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 8, "values": {"id": 8, "year": 2022, "organisation_id": 1, "role": "other", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 9, "values": {"id": 9, "year": 2023, "organisation_id": 2, "role": "newcomer", "decision_ref": "Föredragnings-PM kulturnämnden 2024-06-11 (regionens förfrågan inför 2023)", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 10, "values": {"id": 10, "year": 2023, "organisation_id": 3, "role": "newcomer", "decision_ref": "Föredragnings-PM kulturnämnden 2024-06-11 (regionens förfrågan inför 2023)", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 11, "values": {"id": 11, "year": 2024, "organisation_id": 2, "role": "continuing", "decision_ref": "Föredragnings-PM kulturnämnden 2024-06-11 (förlängning ett år)", "extension": true}}, {"action": "insert", "table": "coordinator_term", "id": 12, "values": {"id": 12, "year": 2024, "organisation_id": 3, "role": "continuing", "decision_ref": "Föredragnings-PM kulturnämnden 2024-06-11 (förlängning ett år)", "extension": true}}, {"action": "insert", "table": "coordinator_term", "id": 13, "values": {"id": 13, "year": 2025, "organisation_id": 2, "role": "continuing", "decision_ref": "Föredragnings-PM kulturnämnden 2024-06-11", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 14, "values": {"id": 14, "year": 2025, "organisation_id": 4, "role": "newcomer", "decision_ref": "Föredragnings-PM kulturnämnden 2024-06-11", "extension": false}}, {"action": "insert", "table": "coordinator_term", "id": 15, "values": {"id": 15, "year": 2026, "organisation_id": 4, "role": "continuing", "decision_ref": "Föredragnings-PM kulturnämnden 2025-08-27", "extension": false}}, {"action": "insert", "table": "inquiry", "id": 1, "values": {"id": 1, "year": 2026, "organisation_id": 6, "asked_on": "2025-09-15", "answer": "pending", "note": "Påhittad exempelförfrågan."}}, {"action": "insert", "table": "inquiry", "id": 2, "values": {"id": 2, "year": 2026, "organisation_id": 7, "asked_on": "2025-09-15", "answer": "no", "note": "Påhittad exempelförfrågan: hinner inte 2026."}}, {"action": "insert", "table": "budget_grant", "id": 1, "values": {"id": 1, "year": 2025, "amount_ore": 20000000, "source": "Kulturnämnden", "decided_on": "2024-06-11", "decision_ref": "Föredragnings-PM kulturnämnden 2024-06-11"}}, {"action": "insert", "table": "budget_grant", "id": 2, "values": {"id": 2, "year": 2026, "amount_ore": 20000000, "source": "Kulturnämnden", "decided_on": "2025-08-27", "decision_ref": "Föredragnings-PM kulturnämnden 2025-08-27"}}, {"action": "insert", "table": "co_funding", "id": 1, "values": {"id": 1, "year": 2025, "source": "externa projektmedel", "note": "del av lönekostnad", "kind": "frees-grant"}}, {"action": "insert", "table": "allocation", "id": 1, "values": {"id": 1, "year": 2025, "organisation_id": 2, "amount_ore": 10000000}}, {"action": "insert", "table": "allocation", "id": 2, "values": {"id": 2, "year": 2025, "organisation_id": 4, "amount_ore": 10000000}}, {"action": "insert", "table": "expense", "id": 1, "values": {"id": 1, "spent_on": "2025-02-11", "organisation_id": 2, "amount_ore": 245000, "category": "catering", "note": "Fika, stormöte (exempel)"}}, {"action": "insert", "table": "expense", "id": 2, "values": {"id": 2, "spent_on": "2025-03-31", "organisation_id": 4, "amount_ore": 4500000, "category": "personnel", "note": "Arvode samordning jan-mars (exempel)"}}, {"action": "insert", "table": "expense", "id": 3, "values": {"id": 3, "spent_on": "2025-05-20", "organisation_id": 2, "amount_ore": 380000, "category": "venue", "note": "Lokalhyra, stormöte (exempel)"}}, {"action": "insert", "table": "expense", "id": 4, "values": {"id": 4, "spent_on": "2025-06-30", "organisation_id": 2, "amount_ore": 4000000, "category": "personnel", "note": "Arvode samordning jan-juni (exempel)"}}, {"action": "insert", "table": "expense", "id": 5, "values": {"id": 5, "spent_on": "2025-09-15", "organisation_id": 4, "amount_ore": 123450, "category": "travel", "note": "Resor till MSI-dialog (exempel)"}}, {"action": "insert", "table": "expense", "id": 6, "values": {"id": 6, "spent_on": "2025-11-04", "organisation_id": 4, "amount_ore": 298000, "category": "communication", "note": "Trycksaker (exempel)"}}, {"action": "insert", "table": "expense", "id": 7, "values": {"id": 7, "spent_on": "2026-02-24", "organisation_id": 4, "amount_ore": 260000, "category": "catering", "note": "Fika, stormöte (exempel)"}}, {"action": "insert", "table": "expense", "id": 8, "values": {"id": 8, "spent_on": "2026-06-30", "organisation_id": 4, "amount_ore": 6000000, "category": "personnel", "note": "Arvode samordning jan-juni (exempel)"}}, {"action": "insert", "table": "history_entry", "id": 1, "values": {"id": 1, "kind": "rotation", "year": 2025, "decided_year": 2024, "ref": "Föredragnings-PM kulturnämnden 2024-06-11", "note": "Region Örebro län har förankrat idén hos partnerskapets arbetsutskott och de två nuvarande samordnande organisationerna."}}, {"action": "insert", "table": "history_entry", "id": 2, "values": {"id": 2, "kind": "assessment", "year": 2024, "decided_on": "2024-06-11", "decided_year": 2024, "works_well": true, "ref": "Föredragnings-PM kulturnämnden 2024-06-11"}}, {"action": "insert", "table": "history_entry", "id": 3, "values": {"id": 3, "kind": "assessment", "year": 2025, "decided_on": "2025-08-27", "decided_year": 2025, "works_well": true, "ref": "Föredragnings-PM kulturnämnden 2025-08-27"}}, {"action": "insert", "table": "operations_plan", "id": 1, "values": {"id": 1, "title": "Verksamhetsplan 2024-2027 (exempel)", "first_year": 2024, "last_year": 2027}}, {"action": "insert", "table": "goal", "id": 1, "values": {"id": 1, "plan_id": 1, "code": "M1", "text": "Fler medlemmar från länets alla kommuner (exempel)"}}, {"action": "insert", "table": "goal", "id": 2, "values": {"id": 2, "plan_id": 1, "code": "M2", "text": "Stormöten och aktiviteter som medlemmarna önskar (exempel)"}}, {"action": "insert", "table": "goal", "id": 3, "values": {"id": 3, "plan_id": 1, "code": "M3", "text": "Synlighet via hemsida och sociala medier (exempel)"}}, {"action": "insert", "table": "goal", "id": 4, "values": {"id": 4, "plan_id": 1, "code": "M4", "text": "Kunskapsutbyte med Mötesplats social innovation och andra regioner (exempel)"}}, {"action": "insert", "table": "activity", "id": 1, "values": {"id": 1, "year": 2025, "title": "Workshop om sociala innovationer i praktiken (exempel)", "goal_id": 2, "owner_id": 2, "planned_on": "2025-04-10", "status": "planned"}}, {"action": "insert", "table": "activity_request", "id": 1, "values": {"id": 1, "activity_id": 1, "organisation_id": 6}}, {"action": "insert", "table": "activity_request", "id": 2, "values": {"id": 2, "activity_id": 1, "organisation_id": 7}}, {"action": "update", "table": "activity", "id": 1, "changes": {"status": {"old": "planned", "new": "done"}, "done_on": {"old": null, "new": "2025-04-10"}, "outcome": {"old": null, "new": "28 deltagare från 12 organisationer (exempel)"}}}, {"action": "insert", "table": "activity", "id": 2, "values": {"id": 2, "year": 2025, "title": "Rekryteringsträff i norra länet (exempel)", "goal_id": 1, "owner_id": 4, "planned_on": "2025-09-18", "status": "planned"}}, {"action": "update", "table": "activity", "id": 2, "changes": {"status": {"old": "planned", "new": "done"}, "done_on": {"old": null, "new": "2025-09-18"}, "outcome": {"old": null, "new": "Två nya intresserade organisationer (exempel)"}}}, {"action": "insert", "table": "activity", "id": 3, "values": {"id": 3, "year": 2025, "title": "Nyhetsbrev varje kvartal (exempel)", "goal_id": 3, "owner_id": 4, "status": "planned"}}, {"action": "update", "table": "activity", "id": 3, "changes": {"status": {"old": "planned", "new": "done"}, "done_on": {"old": null, "new": "2025-12-15"}, "outcome": {"old": null, "new": "Fyra nyhetsbrev (exempel)"}}}, {"action": "insert", "table": "activity", "id": 4, "values": {"id": 4, "year": 2025, "title": "Studieresa till en annan region (exempel)", "goal_id": 4, "owner_id": 2, "planned_on": "2025-10-08", "status": "planned"}}, {"action": "update", "table": "activity", "id": 4, "changes": {"status": {"old": "planned", "new": "cancelled"}, "cancel_reason": {"old": null, "new": "För få anmälda (exempel)"}}}, {"action": "insert", "table": "activity", "id": 5, "values": {"id": 5, "year": 2025, "title": "Guide för nya medlemmar (exempel)", "goal_id": 1, "owner_id": 4, "status": "planned"}}, {"action": "insert", "table": "activity", "id": 6, "values": {"id": 6, "year": 2026, "title": "Temadag om social innovation och civilsamhälle (exempel)", "goal_id": 2, "owner_id": 4, "planned_on": "2026-04-23", "status": "planned"}}, {"action": "insert", "table": "activity_request", "id": 3, "values": {"id": 3, "activity_id": 6, "organisation_id": 8}}, {"action": "update", "table": "activity", "id": 6, "changes": {"status": {"old": "planned", "new": "done"}, "done_on": {"old": null, "new": "2026-04-23"}, "outcome": {"old": null, "new": "35 deltagare (exempel)"}}}, {"action": "insert", "table": "activity", "id": 7, "values": {"id": 7, "year": 2026, "title": "Dialogmöte med MSI om nätverkets nästa steg (exempel)", "goal_id": 4, "owner_id": 4, "planned_on": "2026-09-17", "status": "planned"}}, {"action": "update", "table": "activity", "id": 7, "changes": {"status": {"old": "planned", "new": "ongoing"}}}, {"action": "insert", "table": "activity", "id": 8, "values": {"id": 8, "year": 2026, "title": "Medlemsenkät om önskade aktiviteter (exempel)", "goal_id": 2, "owner_id": 4, "planned_on": "2026-12-10", "status": "planned"}}, {"action": "insert", "table": "activity_request", "id": 4, "values": {"id": 4, "activity_id": 8, "organisation_id": 9}}, {"action": "insert", "table": "activity", "id": 9, "values": {"id": 9, "year": 2026, "title": "Guide för nya medlemmar (exempel)", "goal_id": 1, "owner_id": 4, "status": "planned", "carried_from_id": 5}}, {"action": "update", "table": "activity", "id": 5, "changes": {"status": {"old": "planned", "new": "carried"}}}, {"action": "insert", "table": "log_entry", "id": 1, "values": {"id": 1, "logged_on": "2025-02-03", "kind": "member-dialogue", "organisation_id": 6, "text": "Samtal om önskade aktiviteter 2025 (exempel)"}}, {"action": "insert", "table": "log_entry", "id": 2, "values": {"id": 2, "logged_on": "2025-05-14", "kind": "msi", "organisation_id": 5, "text": "Digitalt avstämningsmöte med MSI (exempel)"}}, {"action": "insert", "table": "log_entry", "id": 3, "values": {"id": 3, "logged_on": "2025-06-02", "kind": "website", "text": "Program för hösten publicerat på hemsidan (exempel)", "link": "https://www.example.org/psi/program"}}, {"action": "insert", "table": "log_entry", "id": 4, "values": {"id": 4, "logged_on": "2025-09-20", "kind": "recruitment", "organisation_id": 13, "text": "Presenterade PSI på rekryteringsträffen (exempel)"}}, {"action": "insert", "table": "log_entry", "id": 5, "values": {"id": 5, "logged_on": "2025-11-10", "kind": "social-media", "text": "Inlägg om workshopen (exempel)"}}, {"action": "insert", "table": "log_entry", "id": 6, "values": {"id": 6, "logged_on": "2026-01-15", "kind": "recruitment", "organisation_id": 13, "text": "Uppföljande samtal om medlemskap (exempel)"}}, {"action": "insert", "table": "log_entry", "id": 7, "values": {"id": 7, "logged_on": "2026-03-02", "kind": "member-dialogue", "organisation_id": 9, "text": "Samtal om en medlemsenkät (exempel)"}}, {"action": "insert", "table": "log_entry", "id": 8, "values": {"id": 8, "logged_on": "2026-04-24", "kind": "social-media", "text": "Bilder från temadagen (exempel)"}}, {"action": "insert", "table": "log_entry", "id": 9, "values": {"id": 9, "logged_on": "2026-05-06", "kind": "msi", "organisation_id": 5, "text": "Samtal om nationellt nätverksmöte (exempel)"}}, {"action": "insert", "table": "meeting", "id": 1, "values": {"id": 1, "uid": "59eb7227-2149-4e0e-859b-9b9f130ca8ac@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-01-14", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 1, "values": {"id": 1, "meeting_id": 1, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 2, "values": {"id": 2, "meeting_id": 1, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 1, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 2, "values": {"id": 2, "uid": "06d1bab5-e352-4208-8868-6c6e03a24493@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-02-11", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 3, "values": {"id": 3, "meeting_id": 2, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 4, "values": {"id": 4, "meeting_id": 2, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 2, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 3, "values": {"id": 3, "uid": "99cb5431-5565-4ace-9411-cf4c33abe7c6@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-03-11", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 5, "values": {"id": 5, "meeting_id": 3, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 6, "values": {"id": 6, "meeting_id": 3, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 7, "values": {"id": 7, "meeting_id": 3, "organisation_id": 6}}, {"action": "update", "table": "meeting", "id": 3, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 4, "values": {"id": 4, "uid": "2001d903-eeb2-42fb-b64c-54d28f4c3c77@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-04-08", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 8, "values": {"id": 8, "meeting_id": 4, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 9, "values": {"id": 9, "meeting_id": 4, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 4, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 5, "values": {"id": 5, "uid": "bd28e427-7503-4842-b416-7f711b9855fb@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-05-13", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 10, "values": {"id": 10, "meeting_id": 5, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 11, "values": {"id": 11, "meeting_id": 5, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 5, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 6, "values": {"id": 6, "uid": "043a2a2a-e486-4eec-90c2-514c1c0c2327@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-06-10", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 12, "values": {"id": 12, "meeting_id": 6, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 13, "values": {"id": 13, "meeting_id": 6, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 6, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 7, "values": {"id": 7, "uid": "470657ba-3ecf-4a99-8cd9-7bf0849a98aa@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-08-12", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 14, "values": {"id": 14, "meeting_id": 7, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 15, "values": {"id": 15, "meeting_id": 7, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 7, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 8, "values": {"id": 8, "uid": "91eae4e3-5de7-4a6d-a09f-8a4e5d3ad940@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-09-09", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 16, "values": {"id": 16, "meeting_id": 8, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 17, "values": {"id": 17, "meeting_id": 8, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 18, "values": {"id": 18, "meeting_id": 8, "organisation_id": 6}}, {"action": "update", "table": "meeting", "id": 8, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 9, "values": {"id": 9, "uid": "beb9df28-b0f4-46b9-80cb-cfb7540b7899@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-10-14", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 19, "values": {"id": 19, "meeting_id": 9, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 20, "values": {"id": 20, "meeting_id": 9, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 9, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 10, "values": {"id": 10, "uid": "b8d8ec9b-6881-4a6b-8da3-bc5e7ca0dec7@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-11-11", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 21, "values": {"id": 21, "meeting_id": 10, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 22, "values": {"id": 22, "meeting_id": 10, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 10, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 11, "values": {"id": 11, "uid": "fa7a80e1-7042-4fc0-a30a-16618c33d610@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2025-12-09", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 23, "values": {"id": 23, "meeting_id": 11, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 24, "values": {"id": 24, "meeting_id": 11, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 11, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 12, "values": {"id": 12, "uid": "5959b317-407c-48d8-a041-364fd667dc09@psi.orebro", "kind": "stormote", "title": "Stormöte: social innovation i föreningslivet (exempel)", "day": "2025-02-20", "start_time": "09:00:00", "end_time": "12:00:00", "place": "Exempelhuset, Örebro", "co_organiser": "Regional utveckling", "status": "planned", "agenda": "Aktivitetslistan 2025\nSocial innovation i föreningslivet", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 25, "values": {"id": 25, "meeting_id": 12, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 26, "values": {"id": 26, "meeting_id": 12, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 27, "values": {"id": 27, "meeting_id": 12, "organisation_id": 6}}, {"action": "insert", "table": "attendance", "id": 28, "values": {"id": 28, "meeting_id": 12, "organisation_id": 7}}, {"action": "insert", "table": "attendance", "id": 29, "values": {"id": 29, "meeting_id": 12, "organisation_id": 10}}, {"action": "insert", "table": "attendance", "id": 30, "values": {"id": 30, "meeting_id": 12, "organisation_id": 1}}, {"action": "insert", "table": "decision", "id": 1, "values": {"id": 1, "meeting_id": 12, "position": 1, "text": "Mötet beslutade att anta aktivitetslistan 2025.", "agenda_item": 1}}, {"action": "update", "table": "meeting", "id": 12, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 13, "values": {"id": 13, "uid": "bbb58f17-caa1-4b23-8bc5-4279c113f0a1@psi.orebro", "kind": "stormote", "title": "Stormöte: rekrytering och nya medlemmar (exempel)", "day": "2025-05-22", "start_time": "09:00:00", "end_time": "12:00:00", "place": "Exempelhuset, Örebro", "co_organiser": "Regional utveckling", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 31, "values": {"id": 31, "meeting_id": 13, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 32, "values": {"id": 32, "meeting_id": 13, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 33, "values": {"id": 33, "meeting_id": 13, "organisation_id": 6}}, {"action": "insert", "table": "attendance", "id": 34, "values": {"id": 34, "meeting_id": 13, "organisation_id": 8}}, {"action": "insert", "table": "attendance", "id": 35, "values": {"id": 35, "meeting_id": 13, "organisation_id": 11}}, {"action": "insert", "table": "attendance", "id": 36, "values": {"id": 36, "meeting_id": 13, "organisation_id": 1}}, {"action": "update", "table": "meeting", "id": 13, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 14, "values": {"id": 14, "uid": "66172077-db85-44c4-a706-dd12e72773f2@psi.orebro", "kind": "stormote", "title": "Stormöte: höstens nätverksträff (exempel)", "day": "2025-10-23", "start_time": "09:00:00", "end_time": "12:00:00", "place": "Exempelhuset, Örebro", "co_organiser": "Regional utveckling", "status": "planned", "agenda": "Aktivitetslistan 2026\nSamordningen 2026", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 37, "values": {"id": 37, "meeting_id": 14, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 38, "values": {"id": 38, "meeting_id": 14, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 39, "values": {"id": 39, "meeting_id": 14, "organisation_id": 6}}, {"action": "insert", "table": "attendance", "id": 40, "values": {"id": 40, "meeting_id": 14, "organisation_id": 7}}, {"action": "insert", "table": "attendance", "id": 41, "values": {"id": 41, "meeting_id": 14, "organisation_id": 3}}, {"action": "insert", "table": "attendance", "id": 42, "values": {"id": 42, "meeting_id": 14, "organisation_id": 1}}, {"action": "insert", "table": "decision", "id": 2, "values": {"id": 2, "meeting_id": 14, "position": 1, "text": "Mötet beslutade att ge arbetsutskottet i uppdrag att ta fram aktivitetslistan 2026.", "agenda_item": 1}}, {"action": "update", "table": "meeting", "id": 14, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 15, "values": {"id": 15, "uid": "4ab97f31-cc8b-4aac-bcd8-e457073083a4@psi.orebro", "kind": "msi", "title": "Dialogmöte med Mötesplats social innovation (exempel)", "day": "2025-05-14", "start_time": "10:00:00", "end_time": "11:00:00", "link": "https://meet.example.org/psi-msi", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 43, "values": {"id": 43, "meeting_id": 15, "organisation_id": 2}}, {"action": "insert", "table": "attendance", "id": 44, "values": {"id": 44, "meeting_id": 15, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 45, "values": {"id": 45, "meeting_id": 15, "organisation_id": 5}}, {"action": "update", "table": "meeting", "id": 15, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 16, "values": {"id": 16, "uid": "1be4cb1f-6e9e-4ed1-8707-91f99bd43860@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-01-13", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 46, "values": {"id": 46, "meeting_id": 16, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 16, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 17, "values": {"id": 17, "uid": "ff8fba53-5dbf-42ab-8ffe-0d69e240355b@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-02-10", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 47, "values": {"id": 47, "meeting_id": 17, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 48, "values": {"id": 48, "meeting_id": 17, "organisation_id": 6}}, {"action": "update", "table": "meeting", "id": 17, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 18, "values": {"id": 18, "uid": "efb1843b-1680-4471-b905-ae4282149455@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-03-10", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 49, "values": {"id": 49, "meeting_id": 18, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 18, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 19, "values": {"id": 19, "uid": "ab694e81-746e-457b-974c-c23b00022b5d@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-04-14", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 50, "values": {"id": 50, "meeting_id": 19, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 19, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 20, "values": {"id": 20, "uid": "b6fa94a6-14ad-484b-b369-c3be753fb0b0@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-05-12", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 51, "values": {"id": 51, "meeting_id": 20, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 20, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 21, "values": {"id": 21, "uid": "7b286348-387b-45d9-8d9a-9ed8fdc1007d@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-06-09", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 52, "values": {"id": 52, "meeting_id": 21, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 21, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 22, "values": {"id": 22, "uid": "84fec036-09b6-44ec-a1d1-0865eb59a960@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-08-11", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 53, "values": {"id": 53, "meeting_id": 22, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 22, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 23, "values": {"id": 23, "uid": "2356c419-fc5f-41bd-b026-e25dce6d9991@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-09-08", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 54, "values": {"id": 54, "meeting_id": 23, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 23, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 24, "values": {"id": 24, "uid": "ba43e0ac-431b-4472-8b04-23bdddfc9a6a@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-10-13", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 55, "values": {"id": 55, "meeting_id": 24, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 56, "values": {"id": 56, "meeting_id": 24, "organisation_id": 6}}, {"action": "update", "table": "meeting", "id": 24, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 25, "values": {"id": 25, "uid": "a537cd38-f6a0-43c6-8766-006ef6ad8e54@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-11-10", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 57, "values": {"id": 57, "meeting_id": 25, "organisation_id": 4}}, {"action": "update", "table": "meeting", "id": 25, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 26, "values": {"id": 26, "uid": "d66ceefd-7454-4202-a237-d6694ff691d5@psi.orebro", "kind": "au", "title": "AU-möte (exempel)", "day": "2026-12-08", "start_time": "13:00:00", "end_time": "15:00:00", "status": "planned", "agenda": "Rotationen 2027\nAktivitetslistan 2027\nBudget 2027", "sequence": 0}}, {"action": "insert", "table": "meeting", "id": 27, "values": {"id": 27, "uid": "16acc033-184e-4f68-8fc9-4d14c1b68f55@psi.orebro", "kind": "stormote", "title": "Stormöte: vårens nätverksträff (exempel)", "day": "2026-02-24", "start_time": "09:00:00", "end_time": "12:00:00", "place": "Exempelhuset, Örebro", "co_organiser": "Regional utveckling", "status": "planned", "agenda": "Aktivitetslistan 2026", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 58, "values": {"id": 58, "meeting_id": 27, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 59, "values": {"id": 59, "meeting_id": 27, "organisation_id": 6}}, {"action": "insert", "table": "attendance", "id": 60, "values": {"id": 60, "meeting_id": 27, "organisation_id": 8}}, {"action": "insert", "table": "attendance", "id": 61, "values": {"id": 61, "meeting_id": 27, "organisation_id": 7}}, {"action": "insert", "table": "attendance", "id": 62, "values": {"id": 62, "meeting_id": 27, "organisation_id": 10}}, {"action": "insert", "table": "attendance", "id": 63, "values": {"id": 63, "meeting_id": 27, "organisation_id": 1}}, {"action": "insert", "table": "decision", "id": 3, "values": {"id": 3, "meeting_id": 27, "position": 1, "text": "Mötet beslutade att anta aktivitetslistan 2026.", "agenda_item": 1}}, {"action": "update", "table": "meeting", "id": 27, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 28, "values": {"id": 28, "uid": "9938fec2-0b56-472d-9eb7-3aa145fa54f5@psi.orebro", "kind": "stormote", "title": "Stormöte: temadagens uppföljning (exempel)", "day": "2026-06-02", "start_time": "09:00:00", "end_time": "12:00:00", "place": "Exempelhuset, Örebro", "co_organiser": "Regional utveckling", "status": "planned", "sequence": 0}}, {"action": "insert", "table": "attendance", "id": 64, "values": {"id": 64, "meeting_id": 28, "organisation_id": 4}}, {"action": "insert", "table": "attendance", "id": 65, "values": {"id": 65, "meeting_id": 28, "organisation_id": 6}}, {"action": "insert", "table": "attendance", "id": 66, "values": {"id": 66, "meeting_id": 28, "organisation_id": 11}}, {"action": "insert", "table": "attendance", "id": 67, "values": {"id": 67, "meeting_id": 28, "organisation_id": 1}}, {"action": "update", "table": "meeting", "id": 28, "changes": {"status": {"old": "planned", "new": "held"}, "sequence": {"old": 0, "new": 1}}}, {"action": "insert", "table": "meeting", "id": 29, "values": {"id": 29, "uid": "f547cbc5-5958-4045-ba06-082b125df276@psi.orebro", "kind": "stormote", "title": "Stormöte: året som gått (exempel)", "day": "2026-11-26", "start_time": "09:00:00", "end_time": "12:00:00", "place": "Exempelhuset, Örebro", "co_organiser": "Regional utveckling", "status": "planned", "agenda": "Uppföljning av 2026\nSamordningen 2027", "sequence": 0}}, {"action": "insert", "table": "action_item", "id": 1, "values": {"id": 1, "meeting_id": 25, "text": "Fråga kandidater om samordningen 2027 (exempel)", "owner_id": 4, "due_on": "2026-12-01"}}, {"action": "insert", "table": "action_item", "id": 2, "values": {"id": 2, "meeting_id": 24, "text": "Boka lokal till stormötet i november (exempel)", "owner_id": 4, "due_on": "2026-10-30"}}, {"action": "update", "table": "action_item", "id": 2, "changes": {"done_on": {"old": null, "new": "2026-10-20"}}}]');
CREATE TABLE IF NOT EXISTS "coordinator_term" (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	organisation_id INTEGER NOT NULL, 
	role VARCHAR(12) NOT NULL, 
	decided_on DATE, 
	decision_ref VARCHAR(200), 
	override_reason VARCHAR(2000), 
	created_at DATETIME NOT NULL, 
	extension BOOLEAN DEFAULT 0 NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_coordinator_term_role CHECK (role IN ('continuing', 'newcomer', 'other')), 
	CONSTRAINT uq_coordinator_term_year_org UNIQUE (year, organisation_id), 
	FOREIGN KEY(organisation_id) REFERENCES organisation (id)
);
INSERT INTO coordinator_term VALUES(1,2015,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(2,2016,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(3,2017,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(4,2018,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(5,2019,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(6,2020,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(7,2021,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(8,2022,1,'other',NULL,NULL,NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(9,2023,2,'newcomer',NULL,'Föredragnings-PM kulturnämnden 2024-06-11 (regionens förfrågan inför 2023)',NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(10,2023,3,'newcomer',NULL,'Föredragnings-PM kulturnämnden 2024-06-11 (regionens förfrågan inför 2023)',NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(11,2024,2,'continuing',NULL,'Föredragnings-PM kulturnämnden 2024-06-11 (förlängning ett år)',NULL,'2026-12-02 03:58:16.413390',1);
INSERT INTO coordinator_term VALUES(12,2024,3,'continuing',NULL,'Föredragnings-PM kulturnämnden 2024-06-11 (förlängning ett år)',NULL,'2026-12-02 03:58:16.413390',1);
INSERT INTO coordinator_term VALUES(13,2025,2,'continuing',NULL,'Föredragnings-PM kulturnämnden 2024-06-11',NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(14,2025,4,'newcomer',NULL,'Föredragnings-PM kulturnämnden 2024-06-11',NULL,'2026-12-02 03:58:16.413390',0);
INSERT INTO coordinator_term VALUES(15,2026,4,'continuing',NULL,'Föredragnings-PM kulturnämnden 2025-08-27',NULL,'2026-12-02 03:58:16.413390',0);
CREATE TABLE IF NOT EXISTS "co_funding" (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	source VARCHAR(200) NOT NULL, 
	amount_ore INTEGER, 
	note VARCHAR(2000), 
	kind VARCHAR(20) DEFAULT 'coordination' NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_co_funding_kind CHECK (kind IN ('coordination', 'frees-grant'))
);
INSERT INTO co_funding VALUES(1,2025,'externa projektmedel',NULL,'del av lönekostnad','frees-grant');
CREATE TABLE history_entry (
	id INTEGER NOT NULL, 
	kind VARCHAR(12) NOT NULL, 
	year INTEGER NOT NULL, 
	decided_on DATE, 
	decided_year INTEGER NOT NULL, 
	works_well BOOLEAN, 
	ref VARCHAR(200), 
	note VARCHAR(2000), 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_history_entry_kind CHECK (kind IN ('rotation', 'assessment'))
);
INSERT INTO history_entry VALUES(1,'rotation',2025,NULL,2024,NULL,'Föredragnings-PM kulturnämnden 2024-06-11','Region Örebro län har förankrat idén hos partnerskapets arbetsutskott och de två nuvarande samordnande organisationerna.','2026-12-02 03:58:16.443493');
INSERT INTO history_entry VALUES(2,'assessment',2024,'2024-06-11',2024,1,'Föredragnings-PM kulturnämnden 2024-06-11',NULL,'2026-12-02 03:58:16.445107');
INSERT INTO history_entry VALUES(3,'assessment',2025,'2025-08-27',2025,1,'Föredragnings-PM kulturnämnden 2025-08-27',NULL,'2026-12-02 03:58:16.445649');
CREATE INDEX ix_organisation_sector ON organisation (sector);
CREATE INDEX ix_organisation_status ON organisation (status);
CREATE INDEX ix_contact_organisation_id ON contact (organisation_id);
CREATE INDEX ix_contact_email ON contact (email);
CREATE INDEX ix_erasure_organisation_id ON erasure (organisation_id);
CREATE INDEX ix_inquiry_year ON inquiry (year);
CREATE INDEX ix_inquiry_organisation_id ON inquiry (organisation_id);
CREATE INDEX ix_meeting_kind ON meeting (kind);
CREATE INDEX ix_meeting_day ON meeting (day);
CREATE INDEX ix_meeting_status ON meeting (status);
CREATE INDEX ix_decision_meeting_id ON decision (meeting_id);
CREATE INDEX ix_attendance_meeting_id ON attendance (meeting_id);
CREATE INDEX ix_attendance_organisation_id ON attendance (organisation_id);
CREATE INDEX ix_attendance_contact_id ON attendance (contact_id);
CREATE INDEX ix_action_item_meeting_id ON action_item (meeting_id);
CREATE INDEX ix_action_item_owner_id ON action_item (owner_id);
CREATE INDEX ix_action_item_due_on ON action_item (due_on);
CREATE INDEX ix_budget_grant_year ON budget_grant (year);
CREATE INDEX ix_allocation_year ON allocation (year);
CREATE INDEX ix_allocation_organisation_id ON allocation (organisation_id);
CREATE INDEX ix_expense_spent_on ON expense (spent_on);
CREATE INDEX ix_expense_organisation_id ON expense (organisation_id);
CREATE INDEX ix_expense_category ON expense (category);
CREATE INDEX ix_expense_meeting_id ON expense (meeting_id);
CREATE INDEX ix_goal_plan_id ON goal (plan_id);
CREATE INDEX ix_activity_year ON activity (year);
CREATE INDEX ix_activity_goal_id ON activity (goal_id);
CREATE INDEX ix_activity_owner_id ON activity (owner_id);
CREATE INDEX ix_activity_status ON activity (status);
CREATE INDEX ix_activity_request_activity_id ON activity_request (activity_id);
CREATE INDEX ix_activity_request_organisation_id ON activity_request (organisation_id);
CREATE INDEX ix_log_entry_logged_on ON log_entry (logged_on);
CREATE INDEX ix_log_entry_kind ON log_entry (kind);
CREATE INDEX ix_log_entry_organisation_id ON log_entry (organisation_id);
CREATE INDEX ix_audit_entry_at ON audit_entry (at);
CREATE INDEX ix_coordinator_term_year ON coordinator_term (year);
CREATE INDEX ix_coordinator_term_organisation_id ON coordinator_term (organisation_id);
CREATE INDEX ix_co_funding_year ON co_funding (year);
CREATE INDEX ix_history_entry_year ON history_entry (year);
COMMIT;
