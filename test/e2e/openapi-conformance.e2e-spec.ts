import { Exchange, OpenApiContract, OpenApiDocument } from './support/openapi-contract';
import { recordingClient } from './support/recording-client';
import { bearer, registration, useTestApp } from './support/test-app';

const json = (body: unknown): Pick<Exchange, 'contentType' | 'text'> => ({ contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) });
const error = json({ code: 'SOME_CODE', message: 'm' });
const LEAD = '00000000-0000-4000-8000-000000000001';

describe('the OpenAPI conformance check of the e2e fixture', () => {
  let contract: OpenApiContract;
  beforeAll(async () => {
    contract = await OpenApiContract.load();
  });

  it('accepts a documented status with a body that matches its schema', () => {
    expect(contract.problem({ method: 'GET', url: '/health', status: 200, ...json({ status: 'ok', eventStore: 'up', readStore: 'up', projections: [] }) })).toBeUndefined();
    expect(contract.problem({ method: 'GET', url: `/leads/${LEAD}/events?after=3`, status: 404, ...error })).toBeUndefined();
  });

  it('reports a status the operation does not document', () => {
    expect(contract.problem({ method: 'POST', url: '/leads', status: 418, ...error })).toMatch(/POST \/leads -> 418.*not documented/);
    expect(contract.problem({ method: 'GET', url: `/leads/${LEAD}`, status: 409, ...error })).toMatch(/GET \/leads\/\{id\}\).*409 is not documented/);
  });

  it('reports a body that does not match the documented schema', () => {
    expect(contract.problem({ method: 'GET', url: '/health', status: 200, ...json({ status: 'fine' }) })).toMatch(/does not match/);
    expect(contract.problem({ method: 'POST', url: '/leads', status: 400, ...json({ message: 'no code' }) })).toMatch(/code/);
    expect(contract.problem({ method: 'POST', url: '/leads', status: 400, contentType: 'text/html', text: '<p>bad</p>' })).toMatch(/text\/html/);
  });

  it('reports a body where the document promises none', () => {
    const bare: OpenApiDocument = { paths: { '/ping': { get: { responses: { '204': {} } } } } };
    expect(new OpenApiContract(bare).problem({ method: 'GET', url: '/ping', status: 204, ...json({ a: 1 }) })).toMatch(/no schema/);
    expect(new OpenApiContract(bare).problem({ method: 'GET', url: '/ping', status: 204, text: '' })).toBeUndefined();
  });

  it('lets a route the API does not have answer only 404 with the error body', () => {
    expect(contract.problem({ method: 'POST', url: '/leads/x/y/z', status: 404, ...error })).toBeUndefined();
    expect(contract.problem({ method: 'DELETE', url: `/leads/${LEAD}`, status: 404, ...error })).toBeUndefined();
    expect(contract.problem({ method: 'POST', url: '/leads/x/y/z', status: 200, ...json({}) })).toMatch(/not a 404/);
  });

  it('leaves the Swagger UI alone', () => {
    expect(contract.problem({ method: 'GET', url: '/docs', status: 200, contentType: 'text/html', text: '<html>' })).toBeUndefined();
    expect(contract.problem({ method: 'GET', url: '/docs-json', status: 200, ...json({}) })).toBeUndefined();
  });
});

describe('the recording client of the e2e fixture', () => {
  const fx = useTestApp();

  it('writes down every answer, 2xx and 4xx alike, with the URL as the test wrote it', async () => {
    const exchanges: Exchange[] = [];
    const http = recordingClient(fx.t.app.getHttpServer(), exchanges);
    await http.get('/health').expect(200);
    await http.post('/leads').send(registration()).expect(401);
    await http.post('/leads').set(bearer(fx.t.token())).send(registration()).expect(201);
    await http.get(`/leads/${LEAD}/events?limit=5`).set(fx.auth).expect(404);
    expect(exchanges.map(({ method, url, status }) => `${method} ${url} ${status}`)).toEqual([
      'GET /health 200', 'POST /leads 401', 'POST /leads 201', `GET /leads/${LEAD}/events?limit=5 404`,
    ]);
    expect(JSON.parse(exchanges[1]?.text ?? '{}')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
